/**
 * SQLite backups: a copy taken while writes go on restores to a consistent database (every
 * transaction whole or absent), `cli backup` works beside a running bot and `cli restore` refuses
 * until it is stopped, the daily job keeps BACKUP_KEEP copies, and PostgreSQL is pointed to pg_dump.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Sqlite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/log.js";
import { BackupError, backupDatabase, restoreDatabase } from "../../src/ops/backup.js";
import { startBackupJob } from "../../src/ops/backup-job.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { REPO_ROOT } from "../support/fixtures.js";

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratch(): ScratchDatabase {
  const s = scratchSqlite();
  cleanups.push(() => s.drop());
  return s;
}

async function opened(url: string): Promise<Database> {
  const database = await openDatabase(url);
  cleanups.push(() => database.close());
  return database;
}

/** One writer's transaction: a person and the shop they manage, always together. */
async function writePair(db: Database["db"], n: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.person.create({ data: { id: `W${n}`, name: `写入${n}`, role: "manager" } });
    await tx.retailer.create({ data: { id: `WR${n}`, name: `店${n}`, managerId: `W${n}`, address: "x".repeat(2000) } });
  });
}

/** What a consistent copy must show: SQLite's own checks pass and no transaction is half there. */
function inspect(file: string) {
  const db = new Sqlite(file, { readonly: true });
  try {
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      foreignKeys: db.pragma("foreign_key_check"),
      people: db.prepare(`SELECT count(*) FROM Person WHERE id LIKE 'W%'`).pluck().get() as number,
      shops: db.prepare(`SELECT count(*) FROM Retailer WHERE id LIKE 'WR%'`).pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe("a SQLite backup", () => {
  it("taken while transactions keep writing, restores to a consistent database", async () => {
    const live = scratch();
    const { db } = await opened(live.url);
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-backups-"));
    let written = 0;
    let writing = true;
    let failed: unknown = null;
    const writer = (async () => {
      while (writing) {
        await writePair(db, written++);
        // The SQLite driver is synchronous: without a turn of the event loop the backup would never run beside it.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })().catch((error: unknown) => {
      failed = error;
    });
    const backups: string[] = [];
    // Let the writer get going, then copy three times while it runs.
    while (written < 50 && !failed) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(failed).toBeNull();
    for (const i of [1, 2, 3]) {
      const file = join(dir, `b${i}.db`);
      await backupDatabase(live.url, file);
      backups.push(file);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    writing = false;
    await writer;
    expect(failed).toBeNull();

    const counts: number[] = [];
    for (const file of backups) {
      const target = scratch();
      restoreDatabase(target.url, file);
      const copy = inspect(target.url.replace(/^file:/, ""));
      expect(copy.integrity).toBe("ok");
      expect(copy.foreignKeys).toEqual([]);
      expect(copy.shops).toBe(copy.people);
      counts.push(copy.people);
      // The restored file is a working Fieldmate database.
      const restored = await opened(target.url);
      expect(await restored.db.person.count({ where: { id: { startsWith: "W" } } })).toBe(copy.people);
    }
    expect(counts[0]).toBeGreaterThanOrEqual(50);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(counts[2]).toBeLessThanOrEqual(written);
  });

  it("is refused for PostgreSQL with the pg_dump way", async () => {
    await expect(backupDatabase("postgresql://postgres@127.0.0.1:5432/x", "/tmp/x.db")).rejects.toThrow(/pg_dump/);
    expect(() => restoreDatabase("postgresql://postgres@127.0.0.1:5432/x", "/tmp/x.db")).toThrow(BackupError);
  });
});

describe("cli backup and cli restore beside a running bot", () => {
  const cli = async (args: string[], url: string) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it("backs up while the bot runs, refuses to restore until it stops, then restores", async () => {
    const live = scratch();
    const config = parseConfig({ DATABASE_URL: live.url, PORT: "0", LOG_LEVEL: "silent", SCHEDULER: "false" });
    let app: App | null = await startApp(config);
    cleanups.push(async () => app?.stop());
    const people = await app.database.db.person.count();
    expect(people).toBe(8); // the demo organisation
    const file = join(mkdtempSync(join(tmpdir(), "fieldmate-cli-backup-")), "fieldmate.db");

    const backup = await cli(["backup", file], live.url);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`backed up to ${file}`);
    expect((await cli(["backup", file], live.url)).code).toBe(1); // no overwriting without --force

    await app.database.db.person.deleteMany({ where: { role: "manager" } }).catch(() => undefined);
    const refused = await cli(["restore", file], live.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Fieldmate is running on .* \(process \d+\): stop it first/);

    await app.stop();
    app = null;
    const restored = await cli(["restore", file], live.url);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/kept as .*before-restore-/);
    const database = await opened(live.url);
    expect(await database.db.person.count()).toBe(people);
  });
});

describe("the daily backup job", () => {
  it("writes a copy into BACKUP_DIR and keeps the newest BACKUP_KEEP", async () => {
    const live = scratch();
    await opened(live.url);
    const dir = join(mkdtempSync(join(tmpdir(), "fieldmate-daily-")), "backups");
    const job = startBackupJob({
      databaseUrl: live.url,
      dir,
      keep: 2,
      timezone: "Asia/Shanghai",
      logger: createLogger("silent"),
    })!;
    cleanups.push(() => job.stop());
    for (const day of ["2026-12-01", "2026-12-02", "2026-12-03"]) await job.runNow(new Date(`${day}T19:30:00Z`));
    expect(readdirSync(dir).sort()).toEqual(["fieldmate-20261202-193000.db", "fieldmate-20261203-193000.db"]);
    expect(inspect(join(dir, "fieldmate-20261203-193000.db")).integrity).toBe("ok");
  });

  it("does not run for PostgreSQL or with BACKUP_KEEP=0", () => {
    const logger = createLogger("silent");
    const base = { dir: null, timezone: "UTC", logger };
    expect(startBackupJob({ ...base, databaseUrl: "postgresql://x@127.0.0.1/x", keep: 7 })).toBeNull();
    expect(startBackupJob({ ...base, databaseUrl: "file:/tmp/none.db", keep: 0 })).toBeNull();
    expect(existsSync("/tmp/backups")).toBe(false);
  });
});
