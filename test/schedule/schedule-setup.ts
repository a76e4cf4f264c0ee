/** Shared set-up for schedule tests: real databases, a hand-driven clock, a recording push, a silent logger. */
import { afterEach } from "vitest";
import type { Reply } from "../../src/domain/messages.js";
import { createLogger } from "../../src/log.js";
import type { Clock } from "../../src/schedule/clock.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import type { ScratchDatabase } from "../support/databases.js";

export const silent = createLogger("silent");

const open: { database: Database; scratch: ScratchDatabase }[] = [];

export function closeDatabasesAfterEach(): void {
  afterEach(async () => {
    while (open.length) {
      const { database, scratch } = open.pop()!;
      await database.close();
      await scratch.drop();
    }
  });
}

export async function freshDatabase(create: () => Promise<ScratchDatabase>): Promise<Database & { url: string }> {
  const scratch = await create();
  const database = await openDatabase(scratch.url);
  open.push({ database, scratch });
  return { ...database, url: scratch.url };
}

/** A second, independent connection to the same database: what another instance would have. */
export async function secondConnection(url: string): Promise<Database> {
  const database = await openDatabase(url);
  // Closed before the first connection's database is dropped (after-each pops in reverse order).
  open.push({ database, scratch: { url, drop: async () => undefined } });
  return database;
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: string) {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

/** A push that records what it delivered, with an optional behaviour per call. */
export function recordingPush(behaviour?: (personId: string, replies: Reply[], call: number) => Promise<void> | void) {
  const delivered: { personId: string; replies: Reply[] }[] = [];
  let calls = 0;
  const push = async (personId: string, replies: Reply[]) => {
    calls++;
    await behaviour?.(personId, replies, calls);
    delivered.push({ personId, replies });
  };
  return { push, delivered, calls: () => calls };
}

export const text = (t: string): Reply[] => [{ kind: "text", text: t }];
