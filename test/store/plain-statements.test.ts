/**
 * Plain statements (store/plain-statements.ts) run on the driver's connection: a transaction's on
 * the connection that transaction holds, only while it is open — they commit and roll back with it,
 * never land in another flow's transaction, and write nothing once Prisma has ended the transaction
 * (a timeout) — and one outside any transaction as Prisma's would (on SQLite once no transaction is
 * open on the one connection). On PostgreSQL their rows are the rows Prisma's `$queryRaw` gives.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { type Database, openDatabase, type QueryObserver } from "../../src/store/database.js";
import { plainExecute, plainQuery } from "../../src/store/plain-statements.js";
import { PROVIDERS, type ScratchDatabase, scratchPostgres } from "../support/databases.js";

const insert = (key: string) =>
  Prisma.sql`INSERT INTO "SharedValue" ("key", "value", "expiresAt", "updatedAt")
    VALUES (${key}, 'v', '2030-01-01T00:00:00.000+00:00', '2030-01-01T00:00:00.000+00:00')`;
const keys = (db: Database["db"]) =>
  plainQuery<{ key: string }>(db, Prisma.sql`SELECT "key" FROM "SharedValue" ORDER BY "key"`).then((rows) =>
    rows.map((r) => r.key),
  );

/** The operations the database saw, and whether each ran on the connection or through Prisma. */
function watched() {
  const operations: string[] = [];
  const observer: QueryObserver = { operation: (_m, operation) => operations.push(operation), statement: () => {} };
  const throughPrisma = () => operations.filter((o) => !o.endsWith("(on the connection)"));
  const onTheConnection = () => operations.filter((o) => o.endsWith("(on the connection)"));
  return { observer, throughPrisma, onTheConnection };
}

describe.each(PROVIDERS)("plain statements on $name's connection", ({ create }) => {
  let scratch: ScratchDatabase;
  let database: Database;
  afterEach(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("run inside the open transaction on its connection, and roll back with it", async () => {
    scratch = await create();
    const { observer, throughPrisma, onTheConnection } = watched();
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
    expect(onTheConnection()).toHaveLength(4);
    expect(throughPrisma()).toEqual([]);
  });

  it("never run inside another flow's transaction, and outside one run as Prisma's queries would", async () => {
    scratch = await create();
    const { observer, throughPrisma } = watched();
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
    // Asked for while a's transaction is open: b's statements go to their own transaction.
    const b = db.$transaction(async () => {
      await plainExecute(db, insert("b"));
    });
    const outside = plainExecute(db, insert("outside"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    fail();
    await Promise.all([a, b, outside]);
    expect(await keys(db)).toEqual(["b", "outside"]);
    expect(throughPrisma()).toEqual([]);
  });

  it("write nothing once Prisma has ended the transaction", async () => {
    scratch = await create();
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

describe("plain statements on PostgreSQL's connection", () => {
  let scratch: ScratchDatabase;
  let database: Database;
  afterEach(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("give back the rows Prisma's $queryRaw gives: times, booleans, numbers, big integers, text and nulls", async () => {
    scratch = await scratchPostgres();
    const { observer, onTheConnection } = watched();
    database = await openDatabase(scratch.url, { observer });
    const { db } = database;
    const at = new Date("2026-11-25T09:40:01.234Z");
    await db.visitRule.count(); // the client is connected
    const query = Prisma.sql`
      SELECT ${at.toISOString()}::timestamp AS "at", TRUE AS "yes", FALSE AS "no", CAST(2.5 AS DOUBLE PRECISION) AS "qty",
        CAST(7 AS INTEGER) AS "count", CAST(9007199254740993 AS BIGINT) AS "big", 'soft Zhonghua 软中华' AS "text",
        CAST(NULL AS TEXT) AS "nothing", CAST('2026-11-25' AS DATE) AS "day"`;
    const viaPrisma = await db.$queryRaw<unknown[]>(query);
    const outside = await plainQuery(db, query);
    const inside = await db.$transaction(() => plainQuery(db, query));
    expect(outside).toEqual(viaPrisma);
    expect(inside).toEqual(viaPrisma);
    expect(outside).toEqual([
      {
        at,
        yes: true,
        no: false,
        qty: 2.5,
        count: 7,
        big: 9007199254740993n,
        text: "soft Zhonghua 软中华",
        nothing: null,
        day: new Date("2026-11-25T00:00:00Z"),
      },
    ]);
    expect(onTheConnection()).toHaveLength(2);
  });

  it("write a time Prisma reads back as the same instant, whatever the process's time zone", async () => {
    scratch = await scratchPostgres();
    database = await openDatabase(scratch.url);
    const { db } = database;
    const zone = process.env.TZ;
    // pg's own reading of a timestamp would take it as this zone's local time.
    process.env.TZ = "America/New_York";
    try {
      const at = new Date("2026-03-08T07:30:00.500Z");
      await plainExecute(
        db,
        Prisma.sql`INSERT INTO "SharedValue" ("key", "value", "expiresAt", "updatedAt")
          VALUES ('k', 'v', ${at.toISOString()}::timestamp, ${at})`,
      );
      const row = await db.sharedValue.findUniqueOrThrow({ where: { key: "k" } });
      expect(row.expiresAt).toEqual(at);
      expect(row.updatedAt).toEqual(at);
      const [read] = await plainQuery<{ expiresAt: Date }>(db, Prisma.sql`SELECT "expiresAt" FROM "SharedValue"`);
      expect(read?.expiresAt).toEqual(at);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
