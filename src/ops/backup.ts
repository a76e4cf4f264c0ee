/**
 * SQLite backups: an online, consistent copy taken with SQLite's backup API (better-sqlite3) while
 * the bot keeps writing, and a restore into a stopped instance. PostgreSQL is backed up with its own
 * tools (pg_dump), which this refuses to stand in for.
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Sqlite from "better-sqlite3";
import { providerOf, sqlitePath } from "../store/migrate.js";
import { runningInstance } from "./pid-file.js";

/** A backup or restore that cannot be done as asked; the message says why and what to do. */
export class BackupError extends Error {
  readonly code = "BACKUP";
}

export interface BackupReport {
  file: string;
  bytes: number;
  pages: number;
}

/** The SQLite file of a file: URL; PostgreSQL gets the pg_dump hint. */
export function sqliteFileOf(databaseUrl: string): string {
  if (providerOf(databaseUrl) !== "sqlite") {
    throw new BackupError(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump (e.g. pg_dump -Fc -f fieldmate.dump "$DATABASE_URL") and restore with pg_restore',
    );
  }
  return sqlitePath(databaseUrl);
}

/**
 * Copies the live database to `file`. The copy is written beside the target and renamed into place,
 * so `file` is never a half-written database, and checked before it is kept.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupReport> {
  const source = sqliteFileOf(databaseUrl);
  if (!existsSync(source)) throw new BackupError(`${source}: no database to back up`);
  const partial = join(dirname(file), `.${basename(file)}.partial`);
  rmSync(partial, { force: true });
  // Not readonly: a read-only connection cannot open a WAL database whose -shm file is gone.
  const db = new Sqlite(source, { fileMustExist: true, timeout: 10_000 });
  let pages: number;
  try {
    // All pages in one step: a step reads one snapshot, while copying in small steps would restart
    // on every write the bot makes meanwhile (WAL lets the bot keep writing during the step).
    ({ totalPages: pages } = await db.backup(partial, { progress: () => 0x7fffffff }));
  } finally {
    db.close();
  }
  checkDatabase(partial);
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, pages };
}

/**
 * Replaces the configured SQLite database with `file`. Refused while an instance runs on it (its PID
 * file names a live process); the replaced database is kept beside it as `<name>.before-restore-<time>`.
 * Pending migrations apply when the bot next starts, so an older backup is brought up to date then.
 */
export function restoreDatabase(databaseUrl: string, file: string, now: Date = new Date()): { kept: string | null } {
  const target = sqliteFileOf(databaseUrl);
  if (!existsSync(file)) throw new BackupError(`${file}: no such backup`);
  const running = runningInstance(target);
  if (running !== null) {
    throw new BackupError(
      `Fieldmate is running on ${target} (process ${running}): stop it first (systemctl stop fieldmate), then restore`,
    );
  }
  checkDatabase(file);
  const incoming = join(dirname(target), `.${basename(target)}.restoring`);
  copyFileSync(file, incoming);
  let kept: string | null = null;
  if (existsSync(target)) {
    // Fold any WAL into the old file first, so what is kept aside is whole.
    const old = new Sqlite(target, { fileMustExist: true });
    old.pragma("wal_checkpoint(TRUNCATE)");
    old.close();
    kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, kept);
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return { kept };
}

/** A backup must be a whole SQLite database of ours: integrity check passes and the migrations ledger is there. */
function checkDatabase(file: string): void {
  let db: Sqlite.Database | null = null;
  try {
    db = new Sqlite(file, { fileMustExist: true });
    const result = db.pragma("quick_check", { simple: true });
    if (result !== "ok") throw new BackupError(`${file}: the database is damaged (${String(result)})`);
    const ledger = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      .get();
    if (!ledger) throw new BackupError(`${file}: not a Fieldmate database (no migrations table)`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file}: not a readable SQLite database (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}
