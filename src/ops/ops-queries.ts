/**
 * The few reads operations need: is the database there, which migrations it has, how deep the
 * outbox is, and how one inbound message ended. Cheap queries on indexed columns, run per scrape,
 * per readiness probe and per message.
 */
import type { Db } from "../store/database.js";
import type { OutboxStats } from "./metrics.js";

/** Outbox rows not delivered yet: waiting, retrying, or claimed by a deliverer. */
const UNDELIVERED = ["pending", "sending"];

export async function ping(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}

/** Names of the migrations the database records as applied. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows.map((r) => r.migration_name);
}

export async function outboxStats(db: Db, now: Date = new Date()): Promise<OutboxStats> {
  const where = { status: { in: UNDELIVERED } };
  const [pending, oldest] = await Promise.all([
    db.outbox.count({ where }),
    db.outbox.aggregate({ where, _min: { createdAt: true } }),
  ]);
  const since = oldest._min.createdAt;
  return { pending, oldestAgeSeconds: since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : null };
}

/** How an inbound message's row ended: its status and intent, and when it was handled. */
export async function inboundOutcome(
  db: Db,
  key: { channel: string; externalUserId: string; externalMessageId: string },
): Promise<{ status: string; intent: string | null; handledAt: Date | null } | null> {
  const { channel, externalUserId, externalMessageId } = key;
  return db.inboundMessage.findUnique({
    where: { channel_externalUserId_externalMessageId: { channel, externalUserId, externalMessageId } },
    select: { status: true, intent: true, handledAt: true },
  });
}
