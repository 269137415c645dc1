/**
 * Why a write failed, as far as the caller can act on it:
 * - `rejected`: the database refused what was written (a value it cannot store, a constraint,
 *   a trigger): the same write will fail again, others are not affected;
 * - `conflict`: a unique key was taken meanwhile (another instance wrote first): read and retry;
 * - `unavailable`: the database could not be reached or answered with a server-side failure:
 *   nothing was written and a later retry may succeed.
 */
export type StoreFailure = 'rejected' | 'conflict' | 'unavailable';

/** Classes of PostgreSQL error codes about the data itself (SQLSTATE). */
const DATA_ERROR_CLASSES = ['22', '23', '42', 'P0'];
/** Driver adapter error kinds about the data itself (everything else is taken as unavailability). */
const DATA_ERROR_KINDS = new Set([
  'LengthMismatch',
  'ValueOutOfRange',
  'InvalidInputValue',
  'NullConstraintViolation',
  'ForeignKeyConstraintViolation',
  'RestrictViolation',
  'ColumnNotFound',
  'TableDoesNotExist',
]);

interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
}

export function storeFailure(error: unknown): StoreFailure {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } })?.meta
    ?.driverAdapterError?.cause;
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === 'P2002' || cause?.kind === 'UniqueConstraintViolation') return 'conflict';
  if (cause?.kind && DATA_ERROR_KINDS.has(cause.kind)) return 'rejected';
  const sqlState = cause?.originalCode ?? cause?.code;
  if (typeof sqlState === 'string' && DATA_ERROR_CLASSES.includes(sqlState.slice(0, 2))) return 'rejected';
  return 'unavailable';
}
