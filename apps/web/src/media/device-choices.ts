import type { DeviceChoices } from './media-connection';

const key = 'hallbridge.media.devices';

type Stored = Pick<DeviceChoices, 'cameraId' | 'microphoneId' | 'speakerId'>;

/** The devices picked in the last device check on this browser (ids only). */
export function loadDeviceChoices(): Stored & { checked?: boolean } {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? '{}') as Stored & { checked?: boolean }) ?? {};
  } catch {
    return {};
  }
}

export function saveDeviceChoices(choices: DeviceChoices): void {
  const stored = {
    cameraId: choices.cameraId,
    microphoneId: choices.microphoneId,
    speakerId: choices.speakerId,
  };
  localStorage.setItem(key, JSON.stringify({ ...stored, checked: true }));
}
