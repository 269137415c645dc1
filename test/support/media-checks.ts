import type { Locator, Page } from 'playwright-core';

/** Resolves once the video element inside `scope` has a picture and decodes new frames. */
export async function framesDecoded(scope: Locator): Promise<{ width: number; frames: number }> {
  const video = scope.locator('video').first();
  await video.waitFor();
  const first = await video.evaluate(async (el: HTMLVideoElement) => {
    while (el.videoWidth === 0) await new Promise((r) => setTimeout(r, 50));
    return el.getVideoPlaybackQuality().totalVideoFrames;
  });
  // More frames decoded after the first picture: the video is playing, not a still.
  return video.evaluate(async (el: HTMLVideoElement, seen: number) => {
    while (el.getVideoPlaybackQuality().totalVideoFrames <= seen + 10)
      await new Promise((r) => setTimeout(r, 50));
    return { width: el.videoWidth, frames: el.getVideoPlaybackQuality().totalVideoFrames };
  }, first);
}

/** Marks the audio elements a page has now, so heardNewVoice() waits for one that comes later. */
export async function markAudioElements(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelectorAll('audio').forEach((a) => a.setAttribute('data-before', '')),
  );
}

/**
 * Waits for an audio element added after markAudioElements() and listens to it: a live remote track
 * whose samples are not silence (Chromium's fake microphone beeps).
 */
export function heardNewVoice(page: Page): Promise<{ state: string; peak: number }> {
  return page.evaluate(async () => {
    let audio: HTMLAudioElement | undefined;
    while (
      !(audio = Array.from(document.querySelectorAll('audio')).find(
        (a) => !a.hasAttribute('data-before') && a.srcObject,
      ))
    )
      await new Promise((r) => setTimeout(r, 50));
    const stream = audio.srcObject as MediaStream;
    const track = stream.getAudioTracks()[0]!;
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    while (peak < 0.01) {
      await new Promise((r) => setTimeout(r, 20));
      analyser.getFloatTimeDomainData(samples);
      for (const s of samples) peak = Math.max(peak, Math.abs(s));
    }
    await context.close();
    return { state: track.readyState, peak };
  });
}
