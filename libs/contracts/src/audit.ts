import { z } from 'zod';
import { Id, Key } from './common';

export const AuditEntry = z
  .object({
    id: Id,
    at: z.string(),
    actorRole: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    sessionId: Id.nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  entityType: Key(40).optional(),
  entityId: Id.optional(),
  sessionId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
