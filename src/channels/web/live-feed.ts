/**
 * In-process fan-out of messages to people who are watching live (the web chat's event stream).
 * Delivery guarantees live in the outbox; this only mirrors what was sent to open pages.
 */
import type { Reply } from "../../domain/messages.js";

export type LiveListener = (replies: Reply[]) => void;

export class LiveFeed {
  private readonly listeners = new Map<string, Set<LiveListener>>();

  /** Starts listening for one person's messages; returns the function that stops it. */
  subscribe(personId: string, listener: LiveListener): () => void {
    let set = this.listeners.get(personId);
    if (!set) {
      set = new Set();
      this.listeners.set(personId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(personId);
    };
  }

  /** Sends to every open page of the person; returns how many received it. */
  publish(personId: string, replies: Reply[]): number {
    const set = this.listeners.get(personId);
    if (!set) return 0;
    for (const listener of set) listener(replies);
    return set.size;
  }

  watching(personId: string): boolean {
    return this.listeners.has(personId);
  }
}
