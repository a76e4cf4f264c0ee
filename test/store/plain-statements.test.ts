/**
 * A transaction's plain statements run on SQLite's connection itself (store/plain-statements.ts) only
 * while that very transaction is the open one: they commit and roll back with it, never land in
 * another message's transaction, and write nothing once Prisma has ended the transaction (a timeout).
 * A plain statement outside any transaction runs on the connection too, once no transaction is open.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { type Database, openDatabase, type QueryObserver } from "../../src/store/database.js";
import { plainExecute, plainQuery } from "../../src/store/plain-statements.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

const insert = (key: string) =>
  Prisma.sql`INSERT INTO "SharedValue" ("key", "value", "expiresAt", "updatedAt")
    VALUES (${key}, 'v', '2030-01-01T00:00:00.000+00:00', '2030-01-01T00:00:00.000+00:00')`;
const keys = (db: Database["db"]) =>
  plainQuery<{ key: string }>(db, Prisma.sql`SELECT "key" FROM "SharedValue" ORDER BY "key"`).then((rows) =>
    rows.map((r) => r.key),
  );

describe("plain statements on SQLite's connection", () => {
  let scratch: ScratchDatabase;
  let database: Database;
  afterEach(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("run inside the open transaction on the connection, and roll back with it", async () => {
    scratch = scratchSqlite();
    const operations: string[] = [];
    const observer: QueryObserver = { operation: (_m, operation) => operations.push(operation), statement: () => {} };
    database = await openDatabase(scratch.url, { observer });
    const { db } = database;
    await db.$transaction(async (tx) => {
      await plainExecute(tx, insert("kept"));
      expect(await keys(db)).toEqual(["kept"]);
    });
    const failed = db.$transaction(async () => {
      await plainExecute(db, insert("rolled back"));
      throw new Error("the handler failed");
    });
    await expect(failed).rejects.toThrow("the handler failed");
    expect(await keys(db)).toEqual(["kept"]);
    // Two statements in the first transaction, one in the second, and the read outside both.
    expect(operations.filter((o) => o.endsWith("(on the connection)"))).toHaveLength(4);
    expect(operations.filter((o) => !o.endsWith("(on the connection)"))).toEqual([]);
  });

  it("never run inside another flow's transaction, and outside one wait until no transaction is open", async () => {
    scratch = scratchSqlite();
    const operations: string[] = [];
    const observer: QueryObserver = { operation: (_m, operation) => operations.push(operation), statement: () => {} };
    database = await openDatabase(scratch.url, { observer });
    const { db } = database;
    let wroteFirst!: () => void;
    const first = new Promise<void>((resolve) => (wroteFirst = resolve));
    let fail!: () => void;
    const failing = new Promise<void>((resolve) => (fail = resolve));
    const a = db
      .$transaction(async () => {
        await plainExecute(db, insert("a"));
        wroteFirst();
        await failing;
        throw new Error("a fails");
      })
      .catch(() => undefined);
    await first;
    // Asked for while a's transaction is open: b's statements wait for their own transaction.
    const b = db.$transaction(async () => {
      await plainExecute(db, insert("b"));
    });
    const outside = plainExecute(db, insert("outside"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    fail();
    await Promise.all([a, b, outside]);
    expect(await keys(db)).toEqual(["b", "outside"]);
    expect(operations.filter((o) => !o.endsWith("(on the connection)"))).toEqual([]);
  });

  it("write nothing once Prisma has ended the transaction", async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    const { db } = database;
    let late: Promise<number> | null = null;
    const timedOut = db.$transaction(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        late = plainExecute(db, insert("late"));
        await late.catch(() => 0);
      },
      { timeout: 50 },
    );
    await expect(timedOut).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(late).rejects.toThrow();
    expect(await keys(db)).toEqual([]);
  });
});
