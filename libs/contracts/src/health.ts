import { z } from 'zod';

export const ComponentStatus = z.enum(['up', 'down', 'disabled']);

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ status: ComponentStatus, kind: z.enum(['pglite', 'postgresql']) }),
    media: z.object({ status: ComponentStatus, url: z.string().nullable(), message: z.string().nullable() }),
    redis: z.object({ status: ComponentStatus }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
