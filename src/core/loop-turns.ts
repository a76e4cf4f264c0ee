/**
 * Turns of the event loop handed out one at a time, for CPU-heavy work (reading a long message). On
 * PostgreSQL several messages are handled at once; when their queries answer together, each one's
 * parse would run back to back in the same pass of the loop, and a health probe or another sender
 * would wait for all of them. Taken through here, one such piece of work runs per pass, and I/O is
 * served between them.
 */
export class LoopTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves in a turn of the loop of the caller's own; work done right after it is alone in that turn. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      // Queued now, the next one runs in the next pass, after the loop has polled for I/O.
      this.schedule();
    });
  }
}
