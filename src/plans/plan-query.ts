/**
 * The chat's plan questions ("今天去哪几家", "今天还剩哪几家", "what's my plan"): today's plan in the
 * person's own time zone, with what is already done.
 */
import { localDay } from "../domain/calendar.js";
import type { Reply } from "../domain/messages.js";
import type { Messages } from "../locales/index.js";
import type { Db } from "../store/database.js";
import { buildPlan } from "./build-plan.js";
import { planProgress } from "./plan-progress.js";
import { renderProgress } from "./render-plan.js";

export async function answerPlanQuery(
  db: Db,
  person: { id: string; timezone: string },
  now: Date,
  t: Messages,
): Promise<Reply[]> {
  const today = localDay(now, person.timezone);
  const plan = await buildPlan(db, person.id, today);
  return renderProgress(await planProgress(db, plan), t, { today });
}
