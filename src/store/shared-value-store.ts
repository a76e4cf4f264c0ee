/**
 * Small values every instance shares until they expire (the SharedValue table): WeCom's access
 * token, one-off claims, a push's progress. `claim` is first-come-first-served across instances:
 * the primary key decides between two inserts, a conditional update between two takers of an
 * expired row. Expired rows are swept now and then by the writers.
 */
import type { Db } from "./database.js";
import { isUniqueViolation } from "./inbox.js";

/** Expired rows are deleted at most this often (by whichever write comes first after it). */
const SWEEP_EVERY_MS = 10 * 60_000;

export class SharedValueStore {
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(key: string): Promise<{ value: string; expiresAt: Date } | null> {
    const row = await this.db.sharedValue.findUnique({ where: { key } });
    if (!row || row.expiresAt.getTime() <= this.now().getTime()) return null;
    return { value: row.value, expiresAt: row.expiresAt };
  }

  async put(key: string, value: string, expiresAt: Date): Promise<void> {
    await this.sweep();
    try {
      await this.db.sharedValue.upsert({
        where: { key },
        create: { key, value, expiresAt },
        update: { value, expiresAt },
      });
    } catch (error) {
      // Two first writes of a key at once: the loser's insert fails, and its value goes in as an update.
      if (!isUniqueViolation(error)) throw error;
      await this.db.sharedValue.update({ where: { key }, data: { value, expiresAt } });
    }
  }

  async claim(key: string, value: string, expiresAt: Date): Promise<boolean> {
    await this.sweep();
    try {
      await this.db.sharedValue.create({ data: { key, value, expiresAt } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // The key is taken; an expired value may be taken over, by one claimant only.
    const taken = await this.db.sharedValue.updateMany({
      where: { key, expiresAt: { lte: this.now() } },
      data: { value, expiresAt },
    });
    return taken.count === 1;
  }

  private async sweep(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    await this.db.sharedValue.deleteMany({ where: { expiresAt: { lte: now } } });
  }
}
