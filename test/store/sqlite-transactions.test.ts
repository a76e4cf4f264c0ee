/**
 * SQLite's interactive transactions are opened on the connection itself (store/sqlite-transactions.ts),
 * not by Prisma. What Prisma's transactions did, they must still do: every call of the work joins the
 * transaction (a model write, a nested $transaction, a batch, a write Prisma makes in several
 * statements), all of it commits or none; a call left over from a transaction that ended fails
 * instead of writing outside it; `timeout` rolls back and `maxWait` gives up, and the connection is
 * free afterwards.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { type Database, openDatabase, type QueryObserver } from "../../src/store/database.js";
import { plainExecute } from "../../src/store/plain-statements.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

const expiresAt = new Date("2030-01-01T00:00:00Z");
const value = (key: string) => ({ data: { key, value: "v", expiresAt } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SQLite transactions on the connection", () => {
  let scratch: ScratchDatabase;
  let database: Database;
  const keys = async () => (await database.db.sharedValue.findMany({ orderBy: { key: "asc" } })).map((v) => v.key);
  afterEach(async () => {
    await database?.close();
    await scratch?.drop();
  });

  async function open(observer?: QueryObserver) {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url, { observer });
    return database.db;
  }

  it("take every Prisma call of their work into the transaction, and commit or roll back all of it", async () => {
    const statements: string[] = [];
    const db = await open({ operation: () => {}, statement: (sql) => statements.push(sql) });
    const work = async (prefix: string) => {
      await db.sharedValue.create(value(`${prefix}-model`));
      await db.$transaction(async (tx) => {
        await tx.sharedValue.create(value(`${prefix}-nested`));
      });
      await db.$transaction([
        db.sharedValue.create(value(`${prefix}-batch-1`)),
        db.sharedValue.create(value(`${prefix}-batch-2`)),
      ]);
      // An upsert may take Prisma more than one statement: it starts a transaction of its own for it.
      await db.sharedValue.upsert({
        where: { key: `${prefix}-model` },
        create: value("never").data,
        update: { value: "w" },
      });
      await db.$executeRaw`UPDATE "SharedValue" SET "value" = 'raw' WHERE "key" = ${`${prefix}-nested`}`;
      await plainExecute(
        db,
        Prisma.sql`UPDATE "SharedValue" SET "value" = 'plain' WHERE "key" = ${`${prefix}-batch-1`}`,
      );
    };
    await db.$transaction(() => work("kept"));
    await expect(
      db.$transaction(async () => {
        await work("gone");
        throw new Error("the handler failed");
      }),
    ).rejects.toThrow("the handler failed");

    expect(await keys()).toEqual(["kept-batch-1", "kept-batch-2", "kept-model", "kept-nested"]);
    const rows = await db.sharedValue.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((r) => r.value)).toEqual(["plain", "v", "w", "raw"]);
    expect(statements.filter((s) => /^(BEGIN|COMMIT|ROLLBACK)$/.test(s))).toEqual([
      "BEGIN",
      "COMMIT",
      "BEGIN",
      "ROLLBACK",
    ]);
  });

  it("refuse a call left over from a transaction that ended, instead of running it outside", async () => {
    const db = await open();
    let leftOver: Parameters<Parameters<typeof db.$transaction>[0]>[0] | null = null;
    await db.$transaction(async (tx) => {
      leftOver = tx;
      await tx.sharedValue.create(value("inside"));
    });
    const late = (leftOver as unknown as typeof db).sharedValue.create(value("late"));
    await expect(late).rejects.toThrow();
    expect(await keys()).toEqual(["inside"]);
  });

  it("roll back once past their timeout, refuse the work's later calls, and free the connection", async () => {
    const db = await open();
    let late: Promise<unknown> | null = null;
    const expired = db.$transaction(
      async () => {
        await db.sharedValue.create(value("before"));
        await sleep(200);
        late = db.sharedValue.create(value("after"));
        await late.catch(() => undefined);
      },
      { timeout: 50 },
    );
    await expect(expired).rejects.toThrow(/ran past/);
    await expect(late).rejects.toThrow();
    await db.$transaction(async () => {
      await db.sharedValue.create(value("next"));
    });
    expect(await keys()).toEqual(["next"]);
  });

  it("give up waiting for the connection after maxWait, and leave it free for the next", async () => {
    const db = await open();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const first = db.$transaction(async () => {
      await db.sharedValue.create(value("first"));
      started();
      await held;
    });
    await holding;
    await expect(db.$transaction(async () => undefined, { maxWait: 50 })).rejects.toThrow(/not free/);
    release();
    await first;
    await db.$transaction(async () => {
      await db.sharedValue.create(value("second"));
    });
    expect(await keys()).toEqual(["first", "second"]);
  });

  it("run nothing more once SQLite itself has ended the transaction", async () => {
    const db = await open();
    const outcome = db.$transaction(async () => {
      await db.sharedValue.create(value("before"));
      // What SQLite does by itself on some errors (a full disk): the connection is out of the transaction.
      await db.$executeRawUnsafe("ROLLBACK");
      await plainExecute(
        db,
        Prisma.sql`INSERT INTO "SharedValue" ("key", "value", "expiresAt", "updatedAt")
          VALUES ('alone', 'v', '2030-01-01T00:00:00.000+00:00', '2030-01-01T00:00:00.000+00:00')`,
      );
    });
    await expect(outcome).rejects.toThrow();
    expect(await keys()).toEqual([]);
  });
});
