/**
 * Wrong invite codes per chat account: after a few in a row the account must wait, so codes cannot be
 * guessed by trying (31^6 codes, a handful of tries per quarter hour). In memory, per instance; a
 * success clears the count.
 */

export interface InviteAttemptLimit {
  /** Wrong codes allowed within `windowMs`. */
  maxFailures: number;
  windowMs: number;
}

const DEFAULT_LIMIT: InviteAttemptLimit = { maxFailures: 5, windowMs: 15 * 60_000 };
/** Beyond this many accounts, those whose window has passed are forgotten. */
const MAX_KEYS = 10_000;

export class InviteAttempts {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly limit: InviteAttemptLimit = DEFAULT_LIMIT) {}

  /** Minutes the account must still wait, or 0 when it may try. */
  waitMinutes(key: string, now: Date): number {
    const entry = this.current(key, now.getTime());
    if (!entry || entry.count < this.limit.maxFailures) return 0;
    return Math.max(1, Math.ceil((entry.since + this.limit.windowMs - now.getTime()) / 60_000));
  }

  failed(key: string, now: Date): void {
    const at = now.getTime();
    const entry = this.current(key, at) ?? { count: 0, since: at };
    this.failures.set(key, { ...entry, count: entry.count + 1 });
    if (this.failures.size > MAX_KEYS) {
      for (const [k, e] of this.failures) if (at - e.since >= this.limit.windowMs) this.failures.delete(k);
    }
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string, at: number) {
    const entry = this.failures.get(key);
    return entry && at - entry.since < this.limit.windowMs ? entry : undefined;
  }
}
