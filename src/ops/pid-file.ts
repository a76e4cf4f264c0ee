/**
 * `<database>.pid` beside a SQLite file: written while an instance runs on it, so `cli restore` can
 * tell a running bot from a stopped one. A file naming a process that is gone (a crash, kill -9) is stale.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Logger } from "../log.js";

const pidFileOf = (sqliteFile: string) => `${sqliteFile}.pid`;

/** The live process running on this database, other than this one; null when none. */
export function runningInstance(sqliteFile: string): number | null {
  const path = pidFileOf(sqliteFile);
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return isAlive(pid) ? pid : null;
}

/** Marks this process as running on the database; returns the function that unmarks it. */
export function claimPidFile(sqliteFile: string, logger: Logger): () => void {
  const path = pidFileOf(sqliteFile);
  const other = runningInstance(sqliteFile);
  // Two bots on one SQLite file would both run the scheduler: say so loudly, but do not refuse to start.
  if (other !== null)
    logger.warn({ pid: other, database: sqliteFile }, "another Fieldmate process runs on this database");
  writeFileSync(path, `${process.pid}\n`);
  return () => {
    // Only our own mark: another instance may have started on the file since (it warns about us).
    if (existsSync(path) && readFileSync(path, "utf8").trim() === String(process.pid)) rmSync(path, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
