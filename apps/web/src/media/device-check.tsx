import type { MediaGrants, MediaSeat } from '@hallbridge/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceChoices } from './media-connection';
import { loadDeviceChoices, saveDeviceChoices } from './device-choices';
import { useMicrophoneLevel } from './use-microphone-level';

interface DeviceCheckProps {
  seat: MediaSeat;
  grants: MediaGrants;
  onJoin: (choices: DeviceChoices) => void;
}

/**
 * Before joining: the camera as others will see it, the microphone's level, and a test tone for
 * the speakers, with a choice of each device. Members, who only listen until given the floor,
 * test the speakers (and the microphone if they want).
 */
export function DeviceCheck({ seat, grants, onJoin }: DeviceCheckProps) {
  const { t } = useTranslation();
  const sendsCamera = grants.publish.includes('camera');
  const sendsMicrophone = grants.publish.includes('microphone');
  const [choices, setChoices] = useState<DeviceChoices>(() => ({
    camera: sendsCamera,
    microphone: sendsMicrophone,
    ...loadDeviceChoices(),
  }));
  const [testMicrophone, setTestMicrophone] = useState(sendsMicrophone);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const level = useMicrophoneLevel(stream);

  const wantVideo = sendsCamera && choices.camera;
  const wantAudio = testMicrophone && (!sendsMicrophone || choices.microphone);
  useEffect(() => {
    if (!wantVideo && !wantAudio) return;
    let cancelled = false;
    let opened: MediaStream | null = null;
    navigator.mediaDevices
      .getUserMedia({
        video: wantVideo ? { deviceId: choices.cameraId ? { exact: choices.cameraId } : undefined } : false,
        audio: wantAudio
          ? { deviceId: choices.microphoneId ? { exact: choices.microphoneId } : undefined }
          : false,
      })
      .then(async (media) => {
        opened = media;
        if (cancelled) return media.getTracks().forEach((track) => track.stop());
        setFailure(null);
        setStream(media);
        setDevices(await navigator.mediaDevices.enumerateDevices());
      })
      .catch((error: Error) => !cancelled && setFailure(error.name));
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((track) => track.stop());
      setStream(null);
    };
  }, [wantVideo, wantAudio, choices.cameraId, choices.microphoneId]);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream && wantVideo ? stream : null;
  }, [stream, wantVideo]);

  const ofKind = (kind: MediaDeviceKind) => devices.filter((d) => d.kind === kind && d.deviceId);
  const pick = (key: 'cameraId' | 'microphoneId' | 'speakerId', kind: MediaDeviceKind, label: string) =>
    ofKind(kind).length > 1 && (
      <label className="media-check__field">
        <span>{label}</span>
        <select
          value={choices[key] ?? ''}
          onChange={(e) => setChoices((c) => ({ ...c, [key]: e.target.value || undefined }))}
          data-testid={`device-${kind}`}
        >
          {ofKind(kind).map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
    );

  const join = () => {
    saveDeviceChoices(choices);
    stream?.getTracks().forEach((track) => track.stop());
    onJoin(choices);
  };

  return (
    <section className="media-check" data-testid="device-check" aria-labelledby="media-check-title">
      <h2 id="media-check-title">{t('media.check.title')}</h2>
      <p className="media-check__intro">{t(`media.check.intro.${seat}`)}</p>
      {sendsCamera && (
        <div className="media-check__preview">
          {wantVideo ? (
            <video ref={video} autoPlay muted playsInline data-testid="device-preview" />
          ) : (
            <p>{t('media.check.cameraOff')}</p>
          )}
        </div>
      )}
      {failure && (
        <p className="alert alert--warning" role="alert">
          {t('media.check.blocked', { reason: failure })}
        </p>
      )}
      <div className="media-check__fields">
        {sendsCamera && (
          <label className="media-check__toggle">
            <input
              type="checkbox"
              checked={choices.camera}
              onChange={(e) => setChoices((c) => ({ ...c, camera: e.target.checked }))}
            />
            {t('media.check.sendCamera')}
          </label>
        )}
        {pick('cameraId', 'videoinput', t('media.check.camera'))}
        {sendsMicrophone ? (
          <label className="media-check__toggle">
            <input
              type="checkbox"
              checked={choices.microphone}
              onChange={(e) => setChoices((c) => ({ ...c, microphone: e.target.checked }))}
            />
            {t('media.check.sendMicrophone')}
          </label>
        ) : (
          !testMicrophone && (
            <button type="button" className="button button--small" onClick={() => setTestMicrophone(true)}>
              {t('media.check.testMicrophone')}
            </button>
          )
        )}
        {pick('microphoneId', 'audioinput', t('media.check.microphone'))}
        {wantAudio && stream && (
          <div className="media-check__level">
            <span>{t('media.check.level')}</span>
            <meter
              min={0}
              max={1}
              value={level}
              data-testid="device-mic-level"
              data-level={level.toFixed(3)}
            />
          </div>
        )}
        {pick('speakerId', 'audiooutput', t('media.check.speaker'))}
        <SpeakerTest speakerId={choices.speakerId} />
      </div>
      <button
        type="button"
        className="button button--primary button--large"
        onClick={join}
        data-testid="media-join"
      >
        {t('media.check.join')}
      </button>
    </section>
  );
}

function SpeakerTest({ speakerId }: { speakerId?: string }) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  const play = async () => {
    const context = new AudioContext();
    const sink = (context as AudioContext & { setSinkId?: (id: string) => Promise<void> }).setSinkId;
    if (speakerId && sink) await sink.call(context, speakerId).catch(() => undefined);
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.2, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 1.2);
    tone.connect(gain).connect(context.destination);
    setPlaying(true);
    tone.start();
    tone.stop(context.currentTime + 1.2);
    tone.onended = () => {
      setPlaying(false);
      void context.close();
    };
  };
  return (
    <button
      type="button"
      className="button button--small"
      onClick={play}
      disabled={playing}
      data-testid="speaker-test"
    >
      {playing ? t('media.check.speakerPlaying') : t('media.check.speakerTest')}
    </button>
  );
}
