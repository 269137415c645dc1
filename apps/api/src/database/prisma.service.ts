import { Prisma, PrismaClient } from '../generated/prisma/client';

export { Prisma };

/** The Prisma client, as a class so Nest can inject it by type. One per process, made by openDatabase(). */
export class PrismaService extends PrismaClient {}

/** A client inside `$transaction`, or the client itself. */
export type Tx = Prisma.TransactionClient | PrismaService;
