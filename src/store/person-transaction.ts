/**
 * One transaction for one person's message: everything `work` writes through the app's client
 * joins it (store/transactional.ts). On PostgreSQL it first takes a transaction-scoped advisory lock
 * on the person, so two instances handle one person's messages one after the other (the lock ends
 * with the transaction, a crash included); SQLite has one instance, whose in-process queue does this.
 */
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./database.js";
import { providerOfClient } from "./outbox-store.js";
import { plainExecute } from "./plain-statements.js";

export function inPersonTransaction<T>(db: Db, personId: string, work: () => Promise<T>): Promise<T> {
  const postgres = providerOfClient(db) === "postgresql";
  return db.$transaction(async () => {
    if (postgres) await plainExecute(db, Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${personId}))`);
    return work();
  });
}
