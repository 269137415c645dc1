import { z } from 'zod';
import { Id, OptionalText, Text } from './common';

/** A district room (điểm cầu): one screen and camera, paired once with a short code. */
export const Site = z
  .object({
    id: Id,
    unitId: Id,
    name: z.string(),
    location: z.string().nullable(),
    paired: z.boolean(),
    pairingCode: z.string().nullable(),
    pairingExpiresAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'Site' });
export type Site = z.infer<typeof Site>;

export const CreateSiteBody = z
  .object({ unitId: Id, name: Text(120), location: OptionalText(300) })
  .meta({ id: 'CreateSiteBody' });
export type CreateSiteBody = z.infer<typeof CreateSiteBody>;

export const UpdateSiteBody = z
  .object({ name: Text(120).optional(), location: OptionalText(300) })
  .meta({ id: 'UpdateSiteBody' });
export type UpdateSiteBody = z.infer<typeof UpdateSiteBody>;
