/**
 * One channel's pacing: the limits a plugin declares, applied to every message it sends (its
 * replies where it paces them, and every push the outbox hands it). Sends run one at a time, in
 * order, each when the account, the recipient and any "too many requests" pause allow.
 * The account limit is a token bucket (GCRA): `burst` sends may go back to back, then one every
 * `perAccountMs`.
 */
import { RateLimitedError } from "./outbound.js";

export interface PacingLimits {
  /** Least time between two sends from the account, to anyone. */
  perAccountMs?: number;
  /** How many sends may go back to back before `perAccountMs` applies (default 1: none). */
  burst?: number;
  /** Least time between two sends to the same recipient. */
  perRecipientMs?: number;
}

/** Remembered recipients are forgotten, once their interval has passed, beyond this many. */
const RECIPIENTS_KEPT = 1_000;

export class Pacer {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** When the account's bucket is empty again (GCRA's theoretical arrival time). */
  private accountFreeAt = Number.NEGATIVE_INFINITY;
  /** Until when the platform asked us to hold off. */
  private heldUntil = Number.NEGATIVE_INFINITY;
  private readonly lastSentTo = new Map<string, number>();

  constructor(
    readonly limits: PacingLimits = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs one send to `recipient` when its turn comes; a failed send does not stop the ones after it. */
  run<T>(recipient: string, send: () => Promise<T>): Promise<T> {
    this.pending++;
    const turn = this.tail.then(async () => {
      const wait = this.earliestStart(recipient) - this.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.startSending(recipient);
      try {
        return await send();
      } catch (error) {
        if (error instanceof RateLimitedError)
          this.heldUntil = Math.max(this.heldUntil, this.now() + error.retryAfterMs);
        throw error;
      }
    });
    this.tail = turn.catch(() => undefined).finally(() => this.pending--);
    return turn;
  }

  /** Sends still waiting or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves when everything queued so far has been sent (or has failed). */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  private earliestStart(recipient: string): number {
    const { perAccountMs = 0, burst = 1, perRecipientMs = 0 } = this.limits;
    const account = this.accountFreeAt - (Math.max(1, burst) - 1) * perAccountMs;
    const last = this.lastSentTo.get(recipient);
    const person = last === undefined ? Number.NEGATIVE_INFINITY : last + perRecipientMs;
    return Math.max(account, person, this.heldUntil);
  }

  private startSending(recipient: string): void {
    const { perAccountMs = 0, perRecipientMs = 0 } = this.limits;
    const now = this.now();
    this.accountFreeAt = Math.max(this.accountFreeAt, now) + perAccountMs;
    if (perRecipientMs <= 0) return;
    this.lastSentTo.set(recipient, now);
    if (this.lastSentTo.size > RECIPIENTS_KEPT) {
      for (const [who, at] of this.lastSentTo) if (at + perRecipientMs <= now) this.lastSentTo.delete(who);
    }
  }
}
