/** Loads the shipped demo organisation into an empty database, and never into one that has people. */
import { fileURLToPath } from "node:url";
import type { Logger } from "../log.js";
import { importQuizCsv } from "../quiz/quiz-bank.js";
import { importRoster } from "../roster/import-roster.js";
import type { Db } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";
import { writeDemoHistory } from "./demo-history.js";

const DEMO_DIR = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));

/** Returns true when the demo was loaded now. */
export async function loadDemoIfEmpty(db: Db, logger: Logger, now = new Date()): Promise<boolean> {
  if ((await new RosterStore(db).countPeople()) > 0) return false;
  const reports = await importRoster(db, DEMO_DIR);
  const visits = await writeDemoHistory(db, now);
  // The 应知应会 demo bank, so the daily quiz has questions from the first day.
  const quiz = await importQuizCsv(db, `${DEMO_DIR}quiz.csv`);
  logger.info({ reports, visits, quiz }, "demo organisation loaded into the empty database");
  return true;
}
