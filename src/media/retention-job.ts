/**
 * MEDIA_RETENTION_DAYS: voice notes and photos are personal data (voices, faces in a shop) kept only
 * as long as they serve the records. Daily, in quiet hours, the bytes older than that are deleted
 * with their photo rows; the text of every message, its transcript's record (visits) and check-ins
 * stay. Safe on several instances at once: a second run finds nothing left to delete.
 */
import nodeCron from "node-cron";
import type { Logger } from "../log.js";
import type { Db } from "../store/database.js";
import { deleteMediaBefore } from "./media-queries.js";

/** After the 03:30 backup, so the night's copy still holds what is about to go. */
const RETENTION_CRON = "45 3 * * *";
const DAY_MS = 86_400_000;

export interface RetentionJob {
  /** Deletes what is older than the retention now; how many voice notes and photos went. */
  runNow(now?: Date): Promise<number>;
  stop(): void;
}

/** Deletes media older than `days` before `now`. */
export function purgeOldMedia(db: Db, days: number, now: Date): Promise<number> {
  return deleteMediaBefore(db, new Date(now.getTime() - days * DAY_MS));
}

export function startMediaRetention(options: { db: Db; days: number; timezone: string; logger: Logger }): RetentionJob {
  const logger = options.logger.child({ module: "media-retention" });
  const runNow = async (now = new Date()) => {
    const deleted = await purgeOldMedia(options.db, options.days, now);
    logger.info({ deleted, days: options.days }, "old voice notes and photos deleted");
    return deleted;
  };
  const task = nodeCron.schedule(
    RETENTION_CRON,
    () => runNow().catch((error: unknown) => logger.error({ err: error }, "media retention failed")),
    { timezone: options.timezone, noOverlap: true },
  );
  return { runNow, stop: () => task.destroy() };
}
