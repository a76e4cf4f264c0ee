/**
 * Migrated databases on scratch storage for one test file: `open(create)` makes one, and each is
 * closed and dropped after the test that opened it.
 */
import { afterEach } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import type { ScratchDatabase } from "./databases.js";

export function scratchDatabases(): (create: () => Promise<ScratchDatabase>) => Promise<Database> {
  const opened: { database: Database; scratch: ScratchDatabase }[] = [];
  afterEach(async () => {
    while (opened.length) {
      const { database, scratch } = opened.pop()!;
      await database.close();
      await scratch.drop();
    }
  });
  return async (create) => {
    const scratch = await create();
    const database = await openDatabase(scratch.url);
    opened.push({ database, scratch });
    return database;
  };
}
