/**
 * Sends due outbox rows through `push`, up to `concurrency` at once: each worker claims one row just
 * before sending it and renews the claim while the send runs, so no claim outlives its send (workers
 * asking at the same moment get their rows from one claiming statement). A run
 * starts with one worker and adds one after each push delivered (slow start): a platform that hangs
 * or refuses holds one row, not `concurrency`. The channels' pacers decide how fast the sends go
 * (per account, per recipient, bursts); the workers only keep them supplied. Sent rows are marked
 * sent, failures are retried with exponential backoff up to a maximum of attempts, and a push whose
 * local day is over is dropped rather than sent late. A platform's "slow down" (RateLimitedError)
 * is not a failed attempt: the row waits as long as it asks; when it names only the recipient
 * (Slack's per-conversation limit) the other rows go on, when it names the account every claim
 * waits.
 *
 * At most once at the edge: a send that does not finish within `sendTimeoutMs` may still have
 * reached the platform (none of ours takes an idempotency key), so it is recorded as `unknown` and
 * not sent again; so is a row whose deliverer died mid-send (its claim ran out while `sending`).
 */

import { RateLimitedError, SendTimeoutError, withinTime } from "../channels/outbound.js";
import { localDay } from "../domain/calendar.js";
import type { Reply } from "../domain/messages.js";
import type { Logger } from "../log.js";
import type { Db } from "../store/database.js";
import { type ClaimedPush, OutboxStore } from "../store/outbox-store.js";
import { backoffMs } from "./backoff.js";
import { type Clock, systemClock } from "./clock.js";

/** Delivers replies to a person on their channels; throws on failure (RateLimitedError to slow down). */
export type PushFn = (personId: string, replies: Reply[]) => Promise<void>;

export interface DelivererOptions {
  /** Failed attempts before a row is given up (status failed). */
  maxAttempts?: number;
  /** First retry delay; doubled each attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claim lasts unless renewed (it is, every third of it, while the send runs). */
  lockMs?: number;
  /** The longest one send may take; after that its outcome is unknown. */
  sendTimeoutMs?: number;
  /** How often to look for due rows when nothing kicks the deliverer. */
  pollMs?: number;
  /** Rows in flight at once: enough to keep the fastest channel's pacer busy while sends wait on the network. */
  concurrency?: number;
}

const DELIVERER_DEFAULTS: Required<DelivererOptions> = {
  maxAttempts: 6,
  baseBackoffMs: 30_000,
  maxBackoffMs: 30 * 60_000,
  lockMs: 2 * 60_000,
  sendTimeoutMs: 15_000,
  pollMs: 5_000,
  concurrency: 8,
};

interface DeliveryReport {
  sent: number;
  failed: number;
  retried: number;
  expired: number;
  rateLimited: number;
  /** Sends that timed out, and rows a stopped deliverer left mid-send: not sent again. */
  unknown: number;
}

export interface Deliverer {
  /** Sends everything due now; resolves when no due row is left (rate-limited rows wait for their time). */
  deliverDue(): Promise<DeliveryReport>;
  /** Polls every pollMs until stopped. */
  start(): void;
  /** Asks for a delivery run now, or right after the one in progress (after producers enqueue). */
  kick(): void;
  /** Resolves when no delivery run is in progress or asked for. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createDeliverer(deps: {
  db: Db;
  push: PushFn;
  logger: Logger;
  clock?: Clock;
  options?: DelivererOptions;
}): Deliverer {
  const { db, push, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const o = { ...DELIVERER_DEFAULTS, ...deps.options };
  const outbox = new OutboxStore(db, clock);
  /** Until when an account-wide rate limit holds every claim. */
  let pausedUntil = 0;
  let settledAt = Number.NEGATIVE_INFINITY;
  let running: Promise<DeliveryReport> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;

  /** Sends one claimed row and settles it; "sent" when the push went out. */
  async function deliverOne(row: ClaimedPush, report: DeliveryReport): Promise<"sent" | "settled"> {
    const log = logger.child({ outbox: row.id, person: row.personId, kind: row.kind, day: row.day });
    if (row.day < localDay(clock.now(), row.timezone)) {
      await outbox.expire(row);
      report.expired++;
      log.info("push belongs to a past day; dropped instead of sent late");
      return "settled";
    }
    const renewal = setInterval(() => {
      outbox.renew(row, o.lockMs).catch((error: unknown) => log.warn({ err: error }, "outbox claim not renewed"));
    }, o.lockMs / 3);
    try {
      await withinTime(push(row.personId, row.replies), o.sendTimeoutMs);
    } catch (error) {
      if (error instanceof SendTimeoutError) {
        await outbox.markUnknown(row, error.message);
        report.unknown++;
        log.error({ timeoutMs: error.timeoutMs }, "push timed out; it may have arrived, so it is not sent again");
        return "settled";
      }
      if (error instanceof RateLimitedError) {
        const retryAt = new Date(clock.now().getTime() + error.retryAfterMs);
        if (error.scope === "account") pausedUntil = Math.max(pausedUntil, retryAt.getTime());
        await outbox.release(row, retryAt, error.message);
        report.rateLimited++;
        wakeAt(retryAt.getTime());
        log.warn({ retryAfterMs: error.retryAfterMs, scope: error.scope }, "rate limited; this push waits");
        return "settled";
      }
      const attempts = row.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      if (attempts >= o.maxAttempts) {
        await outbox.markFailed(row, attempts, message, null);
        report.failed++;
        log.error({ err: error, attempts }, "push failed for good");
      } else {
        const retryAt = new Date(clock.now().getTime() + backoffMs(attempts, o.baseBackoffMs, o.maxBackoffMs));
        await outbox.markFailed(row, attempts, message, retryAt);
        report.retried++;
        log.warn({ err: error, attempts, retryAt }, "push failed; will retry");
      }
      return "settled";
    } finally {
      clearInterval(renewal);
    }
    if (await outbox.markSent(row)) {
      report.sent++;
      log.info("push delivered");
    } else {
      log.error("push delivered, but its claim had passed on: the row was settled by another deliverer");
    }
    return "sent";
  }

  async function run(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, retried: 0, expired: 0, rateLimited: 0, unknown: 0 };
    // Rows a stopped deliverer left mid-send can only appear once a claim runs out: look now and then.
    if (clock.now().getTime() - settledAt >= o.lockMs) {
      settledAt = clock.now().getTime();
      report.unknown += await outbox.settleAbandoned();
    }
    // Claims are taken one statement at a time (no two workers race for the same row); the workers
    // that ask while one runs are served together by the next, one row each: every row claimed is
    // one a worker is waiting to send now. Sends overlap.
    const asking: { resolve: (row: ClaimedPush | null) => void; reject: (error: unknown) => void }[] = [];
    let claiming = false;
    const serve = async () => {
      if (claiming || asking.length === 0) return;
      claiming = true;
      const askers = asking.splice(0);
      try {
        const rows = await outbox.claimDue(o.lockMs, askers.length);
        for (const [i, asker] of askers.entries()) asker.resolve(rows[i] ?? null);
      } catch (error) {
        for (const asker of askers) asker.reject(error);
      } finally {
        claiming = false;
        void serve();
      }
    };
    const claim = () =>
      new Promise<ClaimedPush | null>((resolve, reject) => {
        asking.push({ resolve, reject });
        void serve();
      });
    const workers: Promise<void>[] = [];
    const addWorker = () => {
      if (workers.length < Math.max(1, o.concurrency)) workers.push(worker());
    };
    const worker = async () => {
      // Stopping is checked before each claim: a stop never leaves a claimed row behind.
      while (!stopped && clock.now().getTime() >= pausedUntil) {
        const row = await claim();
        if (!row) return;
        if ((await deliverOne(row, report)) === "sent") addWorker();
      }
    };
    addWorker();
    // Every worker finishes its row before the run ends, even when another one failed.
    let failure: unknown = null;
    for (let i = 0; i < workers.length; i++) await workers[i]?.catch((error: unknown) => (failure ??= error));
    if (failure) throw failure;
    return report;
  }

  /** A started deliverer looks again when a rate-limited row is due, rather than at the next poll. */
  let wake: { at: number; timer: ReturnType<typeof setTimeout> } | null = null;
  function wakeAt(at: number): void {
    if (!timer || stopped || (wake && wake.at <= at)) return;
    if (wake) clearTimeout(wake.timer);
    // A little after: a timer may fire a millisecond early, before the row is due.
    const delay = Math.max(0, at - clock.now().getTime()) + 10;
    wake = {
      at,
      timer: setTimeout(() => {
        wake = null;
        tick();
      }, delay),
    };
  }

  let wanted = false;

  function deliverDue(): Promise<DeliveryReport> {
    // One run at a time per deliverer; a caller arriving mid-run waits for it and then runs again.
    const next = (running ?? Promise.resolve(null)).catch(() => null).then(() => run());
    running = next;
    return next.finally(() => {
      if (running === next) running = null;
      if (wanted && !running && !stopped) {
        wanted = false;
        tick();
      }
    });
  }

  function tick(): void {
    if (stopped) return;
    // Rows added while a run is finishing might be missed by it: run once more right after.
    if (running) {
      wanted = true;
      return;
    }
    deliverDue().catch((error: unknown) => logger.error({ err: error }, "outbox delivery run failed"));
  }

  return {
    deliverDue,
    start() {
      stopped = false;
      timer ??= setInterval(tick, o.pollMs);
    },
    kick: tick,
    async idle() {
      while (running) await running.catch(() => undefined);
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (wake) clearTimeout(wake.timer);
      wake = null;
      await running?.catch(() => undefined);
    },
  };
}
