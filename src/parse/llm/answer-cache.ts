/**
 * Remembers the merged reading of a message for a while. The conversation re-reads a report each
 * time the manager answers one of its questions; the model must not be asked again (cost, latency)
 * nor give a different answer halfway through the questions (the answers are keyed to its records).
 */
import type { ParseInput, ParseResult } from "../types.js";

export class AnswerCache {
  private readonly entries = new Map<string, { at: number; result: ParseResult }>();

  constructor(
    private readonly size = 500,
    private readonly ttlMs = 30 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  private key(input: ParseInput): string {
    return `${input.senderId}\u0000${input.now}\u0000${input.text}`;
  }

  get(input: ParseInput): ParseResult | null {
    const key = this.key(input);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.clock() - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.result;
  }

  set(input: ParseInput, result: ParseResult): void {
    const key = this.key(input);
    this.entries.delete(key);
    this.entries.set(key, { at: this.clock(), result });
    // A Map iterates in insertion order: the first key is the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.size) break;
      this.entries.delete(oldest);
    }
  }
}
