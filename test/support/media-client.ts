import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  LocalVideoTrack,
  type LocalTrackPublication,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
  VideoStream,
} from '@livekit/rtc-node';

/** Counts what arrives on one remote track. */
export interface Received {
  frames: number;
  /** Loudest RMS seen in an audio frame (0 for silence). */
  peakRms: number;
  firstAt: number | null;
  width: number;
  height: number;
}

const rms = (data: Int16Array) => {
  let sum = 0;
  for (const v of data) sum += v * v;
  return Math.sqrt(sum / (data.length || 1));
};

/**
 * A participant driven from Node with @livekit/rtc-node: publishes generated audio (a tone) and
 * video (a moving pattern) and counts the frames it receives, per remote participant and kind.
 */
export class MediaTestClient {
  readonly room = new Room();
  private readonly received = new Map<string, Received>();
  private readonly stops: (() => Promise<void> | void)[] = [];

  constructor(readonly label = 'participant') {
    this.room.on(RoomEvent.TrackSubscribed, (track, _pub, participant) => this.consume(track, participant));
  }

  async connect(url: string, token: string, options: { autoSubscribe?: boolean } = {}): Promise<this> {
    await this.room.connect(url, token, { autoSubscribe: options.autoSubscribe ?? true, dynacast: true });
    return this;
  }

  get identity(): string {
    return this.room.localParticipant?.identity ?? '';
  }

  /** What the server told this client it may do when it joined (canPublish, canSubscribe, …). */
  get permission() {
    return this.room.localParticipant?.info.permission;
  }

  /** Publishes a 440 Hz tone as the microphone, paced in real time by the source's queue. */
  async publishTone(frequency = 440, options: { timeoutMs?: number } = {}): Promise<LocalTrackPublication> {
    const source = new AudioSource(48_000, 1);
    const track = LocalAudioTrack.createAudioTrack('microphone', source);
    let stopped = false;
    let n = 0;
    const feeding = (async () => {
      while (!stopped) {
        const frame = AudioFrame.create(48_000, 1, 480);
        for (let i = 0; i < 480; i++)
          frame.data[i] = Math.round(8000 * Math.sin((2 * Math.PI * frequency * (n + i)) / 48_000));
        n += 480;
        await source.captureFrame(frame).catch(() => (stopped = true));
      }
    })();
    this.stops.push(async () => {
      stopped = true;
      await feeding;
      await track.close();
    });
    return withTimeout(
      this.room.localParticipant!.publishTrack(
        track,
        new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
      ),
      options.timeoutMs ?? 12_000,
      `${this.label} publishing the microphone`,
    );
  }

  /** Publishes a moving RGBA pattern as the camera (simulcast unless told otherwise). */
  async publishVideo(
    width = 320,
    height = 240,
    fps = 15,
    options: { simulcast?: boolean; source?: TrackSource } = {},
  ): Promise<LocalTrackPublication> {
    const source = new VideoSource(width, height);
    const track = LocalVideoTrack.createVideoTrack('camera', source);
    const data = new Uint8Array(width * height * 4);
    let k = 0;
    const timer = setInterval(() => {
      k++;
      // A few moving bars: cheap to draw, and the encoder has motion to encode.
      for (let y = 0; y < height; y += 8)
        for (let x = 0; x < width; x++) {
          const p = (y * width + x) * 4;
          data[p] = (x + k * 4) & 255;
          data[p + 1] = (y + k) & 255;
          data[p + 2] = 128;
          data[p + 3] = 255;
        }
      source.captureFrame(new VideoFrame(data, width, height, VideoBufferType.RGBA));
    }, 1000 / fps);
    this.stops.push(async () => {
      clearInterval(timer);
      await track.close();
    });
    return this.room.localParticipant!.publishTrack(
      track,
      new TrackPublishOptions({
        source: options.source ?? TrackSource.SOURCE_CAMERA,
        simulcast: options.simulcast ?? true,
      }),
    );
  }

  /** What arrived from `identity` of `kind` so far. */
  from(identity: string, kind: 'audio' | 'video'): Received {
    return (
      this.received.get(`${identity}/${kind}`) ?? {
        frames: 0,
        peakRms: 0,
        firstAt: null,
        width: 0,
        height: 0,
      }
    );
  }

  /** Resolves when `check` holds for what arrived from `identity`. */
  async until(
    identity: string,
    kind: 'audio' | 'video',
    check: (r: Received) => boolean,
    timeoutMs = 15_000,
  ): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this.from(identity, kind))) {
      if (Date.now() > deadline)
        throw new Error(
          `${this.label}: no ${kind} from ${identity}: ${JSON.stringify(this.from(identity, kind))}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.from(identity, kind);
  }

  /** Remote publications of one participant, as this client sees them. */
  publicationsOf(identity: string): RemoteTrackPublication[] {
    const participant = this.room.remoteParticipants.get(identity);
    return participant ? [...participant.trackPublications.values()] : [];
  }

  async close(): Promise<void> {
    for (const stop of this.stops.splice(0)) await stop();
    await this.room.disconnect().catch(() => {});
  }

  private consume(track: RemoteTrack, participant: RemoteParticipant): void {
    const kind = track.kind === TrackKind.KIND_AUDIO ? 'audio' : 'video';
    const key = `${participant.identity}/${kind}`;
    const stats: Received = { frames: 0, peakRms: 0, firstAt: null, width: 0, height: 0 };
    this.received.set(key, stats);
    void (async () => {
      if (kind === 'audio') {
        await drain(new AudioStream(track, { sampleRate: 48_000, numChannels: 1 }), (frame) => {
          stats.firstAt ??= performance.now();
          stats.frames++;
          stats.peakRms = Math.max(stats.peakRms, rms(frame.data));
        });
      } else {
        await drain(new VideoStream(track), (event) => {
          stats.firstAt ??= performance.now();
          stats.frames++;
          stats.width = event.frame.width;
          stats.height = event.frame.height;
        });
      }
    })().catch(() => {});
  }
}

/** Reads a web stream to its end through its reader (the test tsconfig's lib has no async-iterable streams). */
async function drain<T>(stream: ReadableStream<T>, each: (chunk: T) => void): Promise<void> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      each(value);
    }
  } finally {
    reader.releaseLock();
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when `check` returns something truthy (polled). */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out: ${what}${last ? ` (${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
