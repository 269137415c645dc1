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

/** Liveness: the process answers (it says nothing about the components; restart only when it stops). */
export const Liveness = z
  .object({ status: z.literal('ok'), uptimeSeconds: z.number() })
  .meta({ id: 'Liveness' });
export type Liveness = z.infer<typeof Liveness>;

/** Readiness: whether this instance should get traffic now (503 with the same body when not). */
export const Readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['up', 'down']),
    migrations: z.enum(['applied', 'pending', 'unknown']),
    draining: z.boolean(),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;
