import { z } from 'zod';
import { Id, Key } from './common';

/**
 * Every action the API writes to the audit log (the log shows each with a label from the
 * catalogue; a test checks that each one has its label in both languages).
 */
export const AuditAction = z.enum([
  'setup.completed',
  'unit.created',
  'unit.updated',
  'unit.moved',
  'unit.deleted',
  'member.created',
  'member.updated',
  'member.moved',
  'member.deleted',
  'member.personal_link_rotated',
  'roster.imported',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.signed_out_everywhere',
  'site.created',
  'site.updated',
  'site.pairing_code_issued',
  'site.deleted',
  'session.created',
  'session.updated',
  'session.rescheduled',
  'session.start',
  'session.end',
  'session.close_attendance',
  'session.reopen_attendance',
  'session.cancel',
  'session.invitations_sent',
  'session.invitations_resent',
  'material.uploaded',
  'material.deleted',
  'deck.uploaded',
  'deck.renamed',
  'deck.reordered',
  'deck.deleted',
  'attendance.excused',
  'attendance.excuse_removed',
  'attendance.checked_in',
  'attendance.checked_out',
  'attendance.check_in_removed',
  'attendance.guests_counted',
  'media.mute',
  'media.mute_all',
  'media.remove',
  'reflections.enabled',
  'reflections.settings_changed',
  'reflection.submitted',
  'reflection.resubmitted',
  'reflection.graded',
  'reflection.regraded',
  'reflection.revision_requested',
  'programme.action_added',
  'programme.action_changed',
  'programme.action_removed',
  'programme.opened',
  'programme.adopted',
  'feedback_template.created',
  'feedback_template.updated',
  'feedback.opened',
  'feedback.changed',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** What the audit log's entries are about. */
export const AuditEntityType = z.enum([
  'session',
  'unit',
  'member',
  'user',
  'site',
  'material',
  'deck',
  'reflection',
  'reflection_settings',
  'programme',
  'feedback_template',
  'feedback_survey',
]);
export type AuditEntityType = z.infer<typeof AuditEntityType>;

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
