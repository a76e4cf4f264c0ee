/**
 * SQLite has one connection per process. A write made outside a transaction while another message's
 * transaction is open must not become part of it: when that transaction rolls back, the write (an
 * inbound message already acknowledged, say) has to stay.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import { YIELD_AFTER_MS } from "../../src/store/sqlite-one-at-a-time.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

describe("the SQLite connection", () => {
  let scratch: ScratchDatabase;
  let database: Database;
  afterEach(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("keeps a write made beside a transaction that rolls back, and shows it no uncommitted row", async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    const { db } = database;
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    let seenBeside: string[] = [];

    // The transaction writes, then waits while another message (started outside it) writes, then fails.
    let wroteInside!: () => void;
    const inside = new Promise<void>((resolve) => (wroteInside = resolve));
    let finish!: () => void;
    const fail = new Promise<void>((resolve) => (finish = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.sharedValue.create({ data: { key: "inside", value: "1", expiresAt } });
        wroteInside();
        await fail;
        throw new Error("the handler failed");
      })
      .catch(() => undefined);
    await inside;
    const beside = (async () => {
      await db.sharedValue.create({ data: { key: "beside", value: "2", expiresAt } });
      seenBeside = (await db.sharedValue.findMany()).map((v) => v.key);
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();
    await failing;
    await beside;

    expect((await db.sharedValue.findMany()).map((v) => v.key)).toEqual(["beside"]);
    expect(seenBeside).toEqual(["beside"]);
  });

  it("lets the event loop in between a transaction's queries once it has not turned for a while, as a networked database would", async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    const { db } = database;
    const seen = await db.$transaction(async (tx) => {
      await tx.sharedValue.count();
      let otherWorkRan = false;
      setImmediate(() => {
        otherWorkRan = true;
      });
      // A handler's long stretch of work between two queries (the loop cannot turn during it).
      const busyUntil = performance.now() + YIELD_AFTER_MS + 1;
      while (performance.now() < busyUntil);
      await tx.sharedValue.count();
      return otherWorkRan;
    });
    // better-sqlite3 answers synchronously: without the turn after the query, the immediate would wait for the commit.
    expect(seen).toBe(true);
  });
});
