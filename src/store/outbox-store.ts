/**
 * The outbox: every scheduled push is a row keyed (person, kind, day), so producing it twice is a
 * no-op and delivering it is tracked row by row. Claiming rows for delivery is safe with several
 * deliverers: on PostgreSQL by `FOR UPDATE SKIP LOCKED` (the database's own row locks), on SQLite —
 * one instance by design — by a conditional UPDATE of the row's status.
 * A row's status goes pending → sending → sent; a failed attempt returns it to pending for a retry,
 * or ends it as failed; a push whose day has passed ends as expired.
 */
import type { Reply } from "../domain/messages.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./database.js";

/** Where the store reads the time (the scheduler's clock, a test's hand-moved one). */
export interface OutboxClock {
  now(): Date;
}

/** morning_plan | nudge | digest | weekly | quiz | reminder:<id> */
/** What a push is ("morning_plan", "reminder:3", …): each scheduled push names its own kind. */
export type OutboxKind = string;

export interface NewPush {
  personId: string;
  kind: OutboxKind;
  /** The person's local day the push belongs to: it is never delivered after that day. */
  day: string;
  replies: Reply[];
}

export interface ClaimedPush {
  id: number;
  personId: string;
  kind: string;
  day: string;
  replies: Reply[];
  attempts: number;
}

export class OutboxStore {
  private readonly provider: "sqlite" | "postgresql";

  constructor(
    private readonly db: Db,
    private readonly clock: OutboxClock,
  ) {
    this.provider = providerOfClient(db);
  }

  /** True when the push is already in the outbox (whatever its status): producers skip building it. */
  async has(personId: string, kind: OutboxKind, day: string): Promise<boolean> {
    return (await this.db.outbox.count({ where: { personId, kind, day } })) > 0;
  }

  /** Of `personIds`, those with no such push for the day yet, in the order given (one query for a whole team). */
  async withoutPush(personIds: string[], kind: OutboxKind, day: string): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await this.db.outbox.findMany({
      where: { personId: { in: personIds }, kind, day },
      select: { personId: true },
    });
    const queued = new Set(rows.map((r) => r.personId));
    return personIds.filter((id) => !queued.has(id));
  }

  /** What was delivered to a person for a day, oldest first (shown again when their web page opens). */
  async sentOn(personId: string, day: string): Promise<Reply[][]> {
    const rows = await this.db.outbox.findMany({
      where: { personId, day, status: "sent" },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    });
    return rows.map((r) => JSON.parse(r.payload) as Reply[]);
  }

  /** Adds a push unless one with the same (person, kind, day) exists; true when added now. */
  async enqueue(push: NewPush): Promise<boolean> {
    try {
      await this.db.outbox.create({
        data: {
          personId: push.personId,
          kind: push.kind,
          day: push.day,
          payload: JSON.stringify(push.replies),
          nextAttemptAt: this.clock.now(),
        },
      });
      return true;
    } catch (error) {
      // Another producer (a second instance, a catch-up racing the timer) got there first.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Takes up to `limit` due rows for this deliverer, locked for `lockMs` (then another may retry them). */
  async claim(limit: number, lockMs: number): Promise<ClaimedPush[]> {
    const now = this.clock.now();
    const lockedUntil = new Date(now.getTime() + lockMs);
    const ids =
      this.provider === "postgresql"
        ? await this.claimPostgres(now, lockedUntil, limit)
        : await this.claimSqlite(now, lockedUntil, limit);
    if (ids.length === 0) return [];
    const rows = await this.db.outbox.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      kind: r.kind,
      day: r.day,
      replies: JSON.parse(r.payload) as Reply[],
      attempts: r.attempts,
    }));
  }

  async markSent(id: number): Promise<void> {
    await this.db.outbox.updateMany({
      where: { id, status: "sending" },
      data: { status: "sent", sentAt: this.clock.now(), lockedUntil: null, lastError: null },
    });
  }

  /** A failed attempt: retried at `retryAt`, or given up on (status failed) when `retryAt` is null. */
  async markFailed(id: number, attempts: number, error: string, retryAt: Date | null): Promise<void> {
    await this.db.outbox.updateMany({
      where: { id, status: "sending" },
      data: retryAt
        ? { status: "pending", attempts, lastError: error, nextAttemptAt: retryAt, lockedUntil: null }
        : { status: "failed", attempts, lastError: error, lockedUntil: null },
    });
  }

  /** Hands a row back untried (rate limit, shutdown): not counted as an attempt. */
  async release(id: number, retryAt: Date | null = null, note: string | null = null): Promise<void> {
    await this.db.outbox.updateMany({
      where: { id, status: "sending" },
      data: {
        status: "pending",
        lockedUntil: null,
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
        ...(note ? { lastError: note } : {}),
      },
    });
  }

  /** Its day is over in the person's time zone: a late plan is useful, yesterday's is not. */
  async expire(id: number): Promise<void> {
    await this.db.outbox.updateMany({
      where: { id, status: "sending" },
      data: { status: "expired", lockedUntil: null },
    });
  }

  private async claimPostgres(now: Date, lockedUntil: Date, limit: number): Promise<number[]> {
    // One statement, so one transaction: rows another deliverer has locked are skipped, not waited on,
    // and a row whose status changed meanwhile is re-checked by PostgreSQL before it is locked.
    // Timestamps go in as UTC text: Prisma stores DateTime as UTC in `timestamp(3)` columns.
    const rows = await this.db.$queryRaw<{ id: number }[]>(Prisma.sql`
      WITH due AS (
        SELECT "id" FROM "Outbox"
        WHERE ("status" = 'pending' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp)
           OR ("status" = 'sending' AND "lockedUntil" < ${now.toISOString()}::timestamp)
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "Outbox" o SET "status" = 'sending', "lockedUntil" = ${lockedUntil.toISOString()}::timestamp
      FROM due WHERE o."id" = due."id"
      RETURNING o."id"`);
    return rows.map((r) => Number(r.id));
  }

  private async claimSqlite(now: Date, lockedUntil: Date, limit: number): Promise<number[]> {
    const due = {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "sending", lockedUntil: { lt: now } },
      ],
    };
    for (;;) {
      const candidates = await this.db.outbox.findMany({
        where: due,
        orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
        take: limit,
        select: { id: true },
      });
      if (candidates.length === 0) return [];
      const claimed: number[] = [];
      for (const { id } of candidates) {
        // The condition is re-checked in the UPDATE itself: whoever changes the row first owns it.
        const { count } = await this.db.outbox.updateMany({
          where: { id, ...due },
          data: { status: "sending", lockedUntil },
        });
        if (count === 1) claimed.push(id);
      }
      // Losing every row to another deliverer does not mean nothing is left: look again.
      if (claimed.length > 0) return claimed;
    }
  }
}

/** Which database a client talks to (both generated clients carry it). */
export function providerOfClient(db: Db): "sqlite" | "postgresql" {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
