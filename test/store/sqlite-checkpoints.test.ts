/**
 * The server's SQLite checkpoints run in a worker thread: the log is copied into the database file
 * there, the server's connection keeps its own checkpoint only as a backstop, and a worker that
 * cannot run says so (the connection's own checkpoints are then put back).
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import {
  BACKSTOP_PAGES,
  type Checkpointer,
  type CheckpointResult,
  checkpointInWorker,
  startCheckpointer,
} from "../../src/store/sqlite-checkpoints.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

const expiresAt = new Date("2030-01-01T00:00:00Z");

async function autocheckpoint(database: Database): Promise<number> {
  const [row] =
    await database.db.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>("PRAGMA wal_autocheckpoint");
  return Number(row?.wal_autocheckpoint);
}

describe("SQLite checkpoints in a worker thread", () => {
  let scratch: ScratchDatabase;
  let database: Database | undefined;
  let checkpointer: Checkpointer | undefined;
  afterEach(async () => {
    await checkpointer?.stop();
    await database?.close();
    await scratch?.drop();
    checkpointer = undefined;
    database = undefined;
  });

  it("copies every committed page of the log into the database file, from its own connection", async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    // Only the worker checkpoints here.
    await database.db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
    for (let i = 0; i < 40; i++)
      await database.db.sharedValue.create({ data: { key: `k${i}`, value: "x".repeat(2000), expiresAt } });

    let done!: (result: CheckpointResult) => void;
    const complete = new Promise<CheckpointResult>((resolve) => (done = resolve));
    const failures: string[] = [];
    checkpointer = startCheckpointer(scratch.url.replace(/^file:/, ""), {
      everyMs: 10,
      failed: (reason) => failures.push(reason),
      checkpointed: (result) => {
        if (result.log > 0 && result.checkpointed === result.log) done(result);
      },
    });
    const result = await complete;

    expect(result.log).toBeGreaterThanOrEqual(40);
    expect(failures).toEqual([]);
    expect(await database.db.sharedValue.count()).toBe(40);
  });

  it("is what the server opens with: the connection's own checkpoint waits for a backlog, and closing stops the worker", async () => {
    scratch = scratchSqlite();
    const failures: string[] = [];
    database = await openDatabase(scratch.url, { checkpointsInWorker: { failed: (reason) => failures.push(reason) } });
    expect(await autocheckpoint(database)).toBe(BACKSTOP_PAGES);
    await database.db.sharedValue.create({ data: { key: "k", value: "v", expiresAt } });
    await database.close();
    database = undefined;
    expect(failures).toEqual([]);
  });

  it("says why when it cannot checkpoint the file", async () => {
    scratch = scratchSqlite();
    let failed!: (reason: string) => void;
    const reason = new Promise<string>((resolve) => (failed = resolve));
    checkpointer = startCheckpointer(`${scratch.url.replace(/^file:/, "")}.missing`, { everyMs: 10, failed });
    expect(await reason).toMatch(/unable to open|does not exist|no such file/i);
  });

  it("puts the connection's own checkpoints back when the worker stops on its own", async () => {
    scratch = scratchSqlite();
    database = await openDatabase(scratch.url);
    const { db } = database;
    let failed!: (reason: string) => void;
    const reason = new Promise<string>((resolve) => (failed = resolve));
    // A worker on a file that is not there stops at once.
    checkpointer = await checkpointInWorker("/nonexistent/fieldmate.db", (sql) => db.$queryRawUnsafe(sql), failed, 10);
    expect(await reason).not.toBe("");
    expect(await autocheckpoint(database)).toBe(1000);
  });
});
