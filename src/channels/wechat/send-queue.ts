/**
 * One queue per process for everything the WeChat account sends: sends run one at a time with a
 * pause between them, because WeChat (and the puppet services in front of it) throttle or block
 * accounts that send in bursts. A failed send does not stop the queue.
 */
export class SendQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private pending = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `send` after every earlier send, at least `intervalMs` after the previous one started. */
  enqueue<T>(send: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.tail.then(async () => {
      const wait = this.lastSentAt + this.intervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
      this.lastSentAt = this.now();
      return send();
    });
    this.tail = run.catch(() => undefined).finally(() => this.pending--);
    return run;
  }

  /** Sends still waiting or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves when everything queued so far has been sent (or has failed). */
  async drain(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}
