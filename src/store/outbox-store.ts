/**
 * The outbox: every scheduled push is a row keyed (person, kind, day), so producing it twice is a
 * no-op and delivering it is tracked row by row. Claiming rows for delivery is safe with several
 * deliverers: on PostgreSQL by `FOR UPDATE SKIP LOCKED` (the database's own row locks), on SQLite —
 * one instance by design — by a conditional UPDATE of the row's status. Each claim gets its own
 * token and every later change of the row names it, so a claim that ran out (and was settled or
 * taken by another deliverer) changes nothing.
 * A row's status goes pending → sending → sent; a failed attempt returns it to pending for a retry,
 * or ends it as failed; a push whose day has passed ends as expired; a send whose outcome is unknown
 * (timed out after the request left, or its sender died mid-send) ends as unknown and is not resent.
 */
import { randomUUID } from "node:crypto";
import type { Reply } from "../domain/messages.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./database.js";
import { rawTime, sqliteTime } from "./raw-time.js";

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

/** A claimed row: its id and the claim's token, which every change of its state must name. */
interface Fence {
  id: number;
  token: string;
}

export interface ClaimedPush extends Fence {
  personId: string;
  /** The person's time zone (read with the claim): the push's day is theirs. */
  timezone: string;
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

  /**
   * Takes the next due row for this deliverer, just before it is sent: it is ours (`token`) for
   * `lockMs`, renewed while the send runs. One row at a time, so no claim outlives its send.
   */
  async claimNext(lockMs: number): Promise<ClaimedPush | null> {
    return (await this.claimDue(lockMs, 1))[0] ?? null;
  }

  /**
   * Takes up to `count` due rows in one statement, oldest due first: for deliverer workers that are
   * each waiting for a row now (one round trip instead of one each). The rows share the claim's
   * token; every change names the row's id with it, so each is still fenced on its own.
   */
  async claimDue(lockMs: number, count: number): Promise<ClaimedPush[]> {
    const now = this.clock.now();
    const lockedUntil = new Date(now.getTime() + lockMs);
    const token = randomUUID();
    const limit = Math.max(1, Math.floor(count));
    const rows =
      this.provider === "postgresql"
        ? await this.claimPostgres(now, lockedUntil, token, limit)
        : await this.claimSqlite(now, lockedUntil, token, limit);
    // RETURNING gives no order: hand them out as they were due.
    return rows
      .map((r) => ({ r, due: new Date(r.nextAttemptAt).getTime() }))
      .sort((a, b) => a.due - b.due || Number(a.r.id) - Number(b.r.id))
      .map(({ r }) => ({
        id: Number(r.id),
        token,
        personId: r.personId,
        timezone: r.timezone ?? "UTC",
        kind: r.kind,
        day: r.day,
        replies: JSON.parse(r.payload) as Reply[],
        attempts: Number(r.attempts),
      }));
  }

  /**
   * Rows whose sender stopped mid-send (its lease ran out while `sending`): the platform may have
   * taken the message, so they end as `unknown` rather than being sent again. Returns how many.
   */
  async settleAbandoned(): Promise<number> {
    const { count } = await this.db.outbox.updateMany({
      where: { status: "sending", lockedUntil: { lt: this.clock.now() } },
      data: { status: "unknown", claimToken: null, lockedUntil: null, lastError: "sender stopped mid-send" },
    });
    return count;
  }

  /** Keeps a claim while its send runs; false when the claim is no longer this token's. */
  async renew(row: Fence, lockMs: number): Promise<boolean> {
    return this.change(row, { lockedUntil: new Date(this.clock.now().getTime() + lockMs) });
  }

  /** The push went out. One plain statement: every push delivered ends here. */
  async markSent(row: Fence): Promise<boolean> {
    const count = await this.db.$executeRaw(Prisma.sql`
      UPDATE "Outbox" SET "status" = 'sent', "sentAt" = ${rawTime(this.provider, this.clock.now())}, "lastError" = NULL, "lockedUntil" = NULL,
        "claimToken" = NULL
      WHERE "id" = ${row.id} AND "status" = 'sending' AND "claimToken" = ${row.token}`);
    return count === 1;
  }

  /** A failed attempt: retried at `retryAt`, or given up on (status failed) when `retryAt` is null. */
  async markFailed(row: Fence, attempts: number, error: string, retryAt: Date | null): Promise<boolean> {
    return this.settle(
      row,
      retryAt
        ? { status: "pending", attempts, lastError: error, nextAttemptAt: retryAt }
        : { status: "failed", attempts, lastError: error },
    );
  }

  /** The send timed out after the request left: it may have arrived, so it is not sent again. */
  async markUnknown(row: Fence, error: string): Promise<boolean> {
    return this.settle(row, { status: "unknown", lastError: error });
  }

  /** Hands a row back untried (rate limit, shutdown): not counted as an attempt. */
  async release(row: Fence, retryAt: Date | null = null, note: string | null = null): Promise<boolean> {
    return this.settle(row, {
      status: "pending",
      ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      ...(note ? { lastError: note } : {}),
    });
  }

  /** Its day is over in the person's time zone: a late plan is useful, yesterday's is not. */
  async expire(row: Fence): Promise<boolean> {
    return this.settle(row, { status: "expired" });
  }

  /** Ends the claim with a new state; only the claim's own token can. */
  private settle(row: Fence, data: Prisma.OutboxUpdateManyMutationInput): Promise<boolean> {
    return this.change(row, { ...data, lockedUntil: null, claimToken: null });
  }

  private async change(row: Fence, data: Prisma.OutboxUpdateManyMutationInput): Promise<boolean> {
    const { count } = await this.db.outbox.updateMany({
      where: { id: row.id, status: "sending", claimToken: row.token },
      data,
    });
    return count === 1;
  }

  private claimPostgres(now: Date, lockedUntil: Date, token: string, limit: number): Promise<ClaimedRow[]> {
    // One statement, so one transaction: a row another deliverer has locked is skipped, not waited
    // on, and a row whose status changed meanwhile is re-checked by PostgreSQL before it is locked.
    // Timestamps go in as UTC text: Prisma stores DateTime as UTC in `timestamp(3)` columns.
    return this.db.$queryRaw<ClaimedRow[]>(Prisma.sql`
      WITH due AS (
        SELECT "id" FROM "Outbox"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "Outbox" o SET "status" = 'sending', "lockedUntil" = ${lockedUntil.toISOString()}::timestamp,
        "claimToken" = ${token}
      FROM due WHERE o."id" = due."id"
      RETURNING o."id", o."personId", o."kind", o."day", o."payload", o."attempts", o."nextAttemptAt",
        (SELECT p."timezone" FROM "Person" p WHERE p."id" = o."personId") AS "timezone"`);
  }

  private claimSqlite(now: Date, lockedUntil: Date, token: string, limit: number): Promise<ClaimedRow[]> {
    // One statement, so SQLite runs it whole: the rows it picks are the rows it changes, whoever else
    // claims at the same time. Timestamps as Prisma writes them to SQLite (ISO text, "+00:00"),
    // so that text comparison orders them.
    return this.db.$queryRaw<ClaimedRow[]>(Prisma.sql`
      UPDATE "Outbox" SET "status" = 'sending', "lockedUntil" = ${sqliteTime(lockedUntil)}, "claimToken" = ${token}
      WHERE "id" IN (
        SELECT "id" FROM "Outbox"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= ${sqliteTime(now)}
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${limit}
      )
      RETURNING "id", "personId", "kind", "day", "payload", "attempts", "nextAttemptAt",
        (SELECT "timezone" FROM "Person" WHERE "Person"."id" = "Outbox"."personId") AS "timezone"`);
  }
}

/** A claimed row as the claiming statement returns it. */
interface ClaimedRow {
  id: number | bigint;
  personId: string;
  kind: string;
  day: string;
  payload: string;
  attempts: number | bigint;
  /** A Date, or the stored text (SQLite): either orders the batch. */
  nextAttemptAt: Date | string;
  timezone: string | null;
}

/** Which database a client talks to (both generated clients carry it). */
export function providerOfClient(db: Db): "sqlite" | "postgresql" {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
