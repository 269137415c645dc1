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

/** Driver adapter error kinds that say the database could not be reached or the link broke. */
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);
/** SQLSTATE classes of a server going away: connection exception, insufficient resources, operator intervention (shutdown, crash, starting up). */
const UNREACHABLE_CLASSES = ['08', '53', '57'];
/** Prisma's codes for a server it cannot reach, a timeout, a closed connection, a pool with no free connection. */
const UNREACHABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** What node-postgres and Node say when the link goes, in errors that carry no code. */
const UNREACHABLE_MESSAGE =
  /Connection terminated|connection error|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end/i;

/**
 * Whether an error means the database was out of reach (down, restarting, the network cut), as
 * opposed to a bug or a refused value: callers answer UNAVAILABLE (503, retry later), never
 * INTERNAL. Only recognised signs count, walking the error's causes; anything else stays a fault.
 */
export function databaseUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const err = e as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: { cause?: AdapterCause } };
    };
    const cause = err.meta?.driverAdapterError?.cause;
    if (cause?.kind && UNREACHABLE_KINDS.has(cause.kind)) return true;
    const sqlState = cause?.originalCode ?? (cause?.kind === 'postgres' ? cause.code : undefined);
    if (typeof sqlState === 'string' && UNREACHABLE_CLASSES.includes(sqlState.slice(0, 2))) return true;
    if (typeof err.code === 'string') {
      if (UNREACHABLE_PRISMA.has(err.code)) return true;
      if (/^(08|53|57)[0-9A-Z]{3}$/.test(err.code)) return true;
      if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(err.code)) return true;
    }
    if (err.name === 'PrismaClientInitializationError') return true;
    if (typeof err.message === 'string' && UNREACHABLE_MESSAGE.test(err.message)) return true;
    e = err.cause ?? (cause as unknown);
  }
  return false;
}
