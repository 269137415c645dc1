import type { FieldIssue } from '@hallbridge/contracts';
import type { ZodError } from 'zod';

/** A zod error as the field issues REST and socket errors carry; `whole` names an issue of the root. */
export function fieldIssues(error: ZodError, whole: string): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || whole, code: i.code, message: i.message }));
}
