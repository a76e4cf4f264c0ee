/**
 * The daily automatic SQLite backup: at 03:30 in TZ_DEFAULT (node-cron), an online copy into
 * BACKUP_DIR named by its time, keeping the newest BACKUP_KEEP. PostgreSQL deployments use pg_dump
 * and get no job; BACKUP_KEEP=0 turns it off.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import nodeCron from "node-cron";
import type { Logger } from "../log.js";
import { providerOf, sqlitePath } from "../store/migrate.js";
import { backupDatabase } from "./backup.js";

/** Quiet hours: after the day's digests, before anyone's morning plan. */
const BACKUP_CRON = "30 3 * * *";
const BACKUP_NAME = /^fieldmate-\d{8}-\d{6}\.db$/;

export interface BackupJobOptions {
  databaseUrl: string;
  /** BACKUP_DIR; default: a backups folder beside the database file. */
  dir: string | null;
  /** BACKUP_KEEP: how many daily copies to keep. */
  keep: number;
  timezone: string;
  logger: Logger;
}

export interface BackupJob {
  /** Takes a backup now and prunes old ones; the new file's path. */
  runNow(now?: Date): Promise<string>;
  stop(): Promise<void>;
}

/** The folder backups go to when BACKUP_DIR is unset. */
function defaultBackupDir(databaseUrl: string): string {
  return join(dirname(sqlitePath(databaseUrl)), "backups");
}

/** Starts the daily job; null when there is nothing for it to do (PostgreSQL, or BACKUP_KEEP=0). */
export function startBackupJob(options: BackupJobOptions): BackupJob | null {
  if (providerOf(options.databaseUrl) !== "sqlite" || options.keep <= 0) return null;
  const logger = options.logger.child({ module: "backup" });
  const dir = options.dir ?? defaultBackupDir(options.databaseUrl);
  let running: Promise<string> | null = null;

  async function backup(now: Date): Promise<string> {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `fieldmate-${stamp(now)}.db`);
    const report = await backupDatabase(options.databaseUrl, file);
    const removed = prune(dir, options.keep);
    logger.info({ file, bytes: report.bytes, removed }, "daily backup written");
    return file;
  }

  function runNow(now = new Date()): Promise<string> {
    const job = (running ?? Promise.resolve("")).catch(() => "").then(() => backup(now));
    running = job;
    return job.finally(() => {
      if (running === job) running = null;
    });
  }

  const task = nodeCron.schedule(
    BACKUP_CRON,
    () => runNow().catch((error: unknown) => logger.error({ err: error, dir }, "daily backup failed")),
    { timezone: options.timezone, noOverlap: true },
  );
  logger.info({ dir, keep: options.keep, at: BACKUP_CRON, timezone: options.timezone }, "daily backup scheduled");
  return {
    runNow,
    async stop() {
      task.destroy();
      await running?.catch(() => undefined);
    },
  };
}

/** Deletes all but the newest `keep` backups of ours (names sort by time); returns how many went. */
function prune(dir: string, keep: number): number {
  const ours = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old.length;
}

/** 20261203-033000, in UTC: unambiguous and sortable whatever the server's zone. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}
