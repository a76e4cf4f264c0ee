/**
 * One channel's pacing: the limits a plugin declares, applied to every message it sends (its
 * replies where it paces them, and every push the outbox hands it). Sends to different recipients
 * run side by side, each when the account allows; sends to one recipient run one at a time, in
 * order, `perRecipientMs` apart.
 * The account limit is a token bucket (GCRA): `burst` sends may go back to back, then one every
 * `perAccountMs`. A send takes its token when it actually starts (not when it starts waiting), so
 * sends delayed together (a busy event loop) do not leave together beyond the burst.
 * A "too many requests" answer holds what it names (RateLimitedError's scope): that recipient only,
 * or the whole account.
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

/** Remembered recipients are forgotten, once their interval and hold have passed, beyond this many. */
const RECIPIENTS_KEPT = 1_000;

export class Pacer {
  /** Each recipient's last queued send: the next one to them starts after it. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly running = new Set<Promise<unknown>>();
  /** When the account's bucket is empty again (GCRA's theoretical arrival time). */
  private accountFreeAt = Number.NEGATIVE_INFINITY;
  /** Until when the platform asked the whole account to hold off. */
  private accountHeldUntil = Number.NEGATIVE_INFINITY;
  /** Per recipient: the earliest their next send may start (`perRecipientMs` after their last). */
  private readonly recipientFreeAt = new Map<string, number>();
  /** Per recipient: until when the platform asked us to hold off sending to them. */
  private readonly recipientHeldUntil = new Map<string, number>();

  constructor(
    readonly limits: PacingLimits = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs one send to `recipient` when its turn comes; a failed send does not stop the ones after it. */
  run<T>(recipient: string, send: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(recipient) ?? Promise.resolve();
    const turn = previous.then(async () => {
      await this.waitForSlot(recipient);
      try {
        return await send();
      } catch (error) {
        if (error instanceof RateLimitedError) this.hold(recipient, error);
        throw error;
      }
    });
    const settled = turn.catch(() => undefined);
    this.queues.set(recipient, settled);
    this.running.add(settled);
    void settled.finally(() => {
      this.running.delete(settled);
      if (this.queues.get(recipient) === settled) this.queues.delete(recipient);
    });
    return turn;
  }

  /** Sends still waiting or running. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves when everything queued so far has been sent (or has failed). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Waits until the account and the recipient allow a send, then takes its token (checked again on every wake). */
  private async waitForSlot(recipient: string): Promise<void> {
    const { perAccountMs = 0, burst = 1, perRecipientMs = 0 } = this.limits;
    for (;;) {
      const now = this.now();
      const account = this.accountFreeAt - (Math.max(1, burst) - 1) * perAccountMs;
      const person = this.recipientFreeAt.get(recipient) ?? Number.NEGATIVE_INFINITY;
      const start = Math.max(account, person, this.heldUntil(recipient));
      if (start <= now) {
        this.accountFreeAt = Math.max(this.accountFreeAt, now) + perAccountMs;
        if (perRecipientMs > 0) remember(this.recipientFreeAt, recipient, now + perRecipientMs, now);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, start - now));
    }
  }

  private heldUntil(recipient: string): number {
    return Math.max(this.accountHeldUntil, this.recipientHeldUntil.get(recipient) ?? Number.NEGATIVE_INFINITY);
  }

  private hold(recipient: string, error: RateLimitedError): void {
    const now = this.now();
    const until = now + error.retryAfterMs;
    if (error.scope === "account") this.accountHeldUntil = Math.max(this.accountHeldUntil, until);
    else remember(this.recipientHeldUntil, recipient, Math.max(until, this.heldUntil(recipient)), now);
  }
}

/** Sets a recipient's time; past the size kept, forgets those whose time has passed. */
function remember(times: Map<string, number>, recipient: string, at: number, now: number): void {
  times.set(recipient, at);
  if (times.size <= RECIPIENTS_KEPT) return;
  for (const [who, until] of times) if (until <= now) times.delete(who);
}
