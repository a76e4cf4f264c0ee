/**
 * The roster cache shares a version check in flight between callers. On SQLite a query outside a
 * transaction waits for the transaction to end, so a message's transaction that joined a check
 * started outside it (by another sender's message arriving meanwhile) would wait for itself.
 */
import { AsyncResource } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import { RosterCache } from "../../src/store/roster-cache.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

describe("the roster cache", () => {
  let scratch: ScratchDatabase;
  let database: Database;
  afterEach(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("does not make a transaction wait for a check started outside it", async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    const { db } = database;
    await db.person.create({ data: { id: "M01", name: "王伟", role: "manager" } });
    const cache = new RosterCache(db, 60_000);
    // Bound here, outside the transaction: called inside it, it still runs as another request would.
    const checkFromOutside = AsyncResource.bind(() => cache.current());
    let outside!: Promise<unknown>;
    const seenInside = await db.$transaction(async (tx) => {
      await tx.person.update({ where: { id: "M01" }, data: { name: "王伟伟" } });
      outside = checkFromOutside();
      const snapshot = await cache.current();
      return snapshot.people.get("M01")?.person.name;
    });
    expect(seenInside).toBe("王伟伟");
    // The outside check ran once the transaction had committed.
    await expect(outside).resolves.toBeTruthy();
  }, 10_000);

  it("still shares one check between callers outside any transaction", async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    const cache = new RosterCache(database.db, 60_000);
    const [a, b] = await Promise.all([cache.current(), cache.current()]);
    expect(a).toBe(b);
  });
});
