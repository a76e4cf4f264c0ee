/**
 * Shared values as a channel sees them: under its own prefix, and, where the app gives no store
 * (tests, a lone process), kept in memory — which is shared only within this one process.
 */
import type { SharedValues } from "./channel-plugin.js";

/** The same store with every key under `prefix:`, so two channels never read each other's values. */
export function namespaced(values: SharedValues, prefix: string): SharedValues {
  const key = (k: string) => `${prefix}:${k}`;
  return {
    get: (k) => values.get(key(k)),
    put: (k, value, expiresAt) => values.put(key(k), value, expiresAt),
    claim: (k, value, expiresAt) => values.claim(key(k), value, expiresAt),
  };
}

/** Shared values for one process only. */
export class MemorySharedValues implements SharedValues {
  private readonly values = new Map<string, { value: string; expiresAt: Date }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<{ value: string; expiresAt: Date } | null> {
    const entry = this.values.get(key);
    if (!entry) return null;
    if (entry.expiresAt.getTime() <= this.now()) {
      this.values.delete(key);
      return null;
    }
    return { ...entry };
  }

  async put(key: string, value: string, expiresAt: Date): Promise<void> {
    this.values.set(key, { value, expiresAt });
  }

  async claim(key: string, value: string, expiresAt: Date): Promise<boolean> {
    if (await this.get(key)) return false;
    this.values.set(key, { value, expiresAt });
    return true;
  }
}
