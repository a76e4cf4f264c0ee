/** The morning plan: each manager's visit plan for the day, greeted by name. */
import { buildPlans } from "../../plans/build-plan.js";
import { renderPlan } from "../../plans/render-plan.js";
import { localTime } from "../local-time.js";
import { activeMembers } from "../schedule-queries.js";
import { messagesOf, type ScheduledPush, type TeamProducer } from "./producer.js";

/** After a restart the plan can go out late: no "good morning" in the afternoon. */
const LATE_AFTER = "10:00";

const produceMorningPlans: TeamProducer = async (ctx, team, day) => {
  const managers = await activeMembers(ctx.db, team.name, "manager");
  const due = new Set(
    await ctx.outbox.withoutPush(
      managers.map((m) => m.id),
      "morning_plan",
      day,
    ),
  );
  const recipients = managers.filter((m) => due.has(m.id));
  const plans = await buildPlans(
    ctx.db,
    recipients.map((m) => m.id),
    day,
    ctx.cache,
  );
  const late = localTime(ctx.now, team.timezone) >= LATE_AFTER;
  let added = 0;
  for (const [i, m] of recipients.entries()) {
    const plan = plans[i];
    if (!plan) continue;
    const t = messagesOf(m);
    const replies = renderPlan(plan, t, { today: day, greeting: t.schedule.greeting(m.name, late) });
    if (plan.stops.length > 0) replies.push({ kind: "text", text: t.schedule.planHint });
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "morning_plan", day, replies })) added++;
  }
  return added;
};

export const morningPlan = {
  kind: "morning_plan",
  at: (team) => team.morningPlanAt,
  until: (team) => team.nudgeAt,
  workdaysOnly: true,
  produce: produceMorningPlans,
} satisfies ScheduledPush;
