import { DomainError } from '@hallbridge/domain';
import type { MediaBackend } from './media-backend';

const off = (): never => {
  throw new DomainError('MEDIA_DISABLED');
};

/** No media server configured: every media call says so, and the rest of the product runs on. */
export class DisabledMediaBackend implements MediaBackend {
  readonly kind = 'disabled' as const;
  readonly clientUrl = null;
  joinToken = async () => off();
  setGrants = async () => off();
  mute = async () => off();
  muteAll = async () => off();
  participants = async () => off();
  participant = async () => off();
  remove = async () => off();
  parseWebhook = async () => off();
}
