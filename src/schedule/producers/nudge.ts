/**
 * The gentle evening nudge (Geekbot-style) to managers who have logged nothing today.
 * It asks once, shows how to report in one line, and lets a different kind of day be.
 */
import { buildPlans } from "../../plans/build-plan.js";
import { activeMembers, visitCountsOn } from "../schedule-queries.js";
import { messagesOf, type ScheduledPush, type TeamProducer } from "./producer.js";

const produceNudges: TeamProducer = async (ctx, team, day) => {
  const managers = await activeMembers(ctx.db, team.name, "manager");
  const due = new Set(
    await ctx.outbox.withoutPush(
      managers.map((m) => m.id),
      "nudge",
      day,
    ),
  );
  const counts = await visitCountsOn(ctx.db, [...due], day);
  const quiet = managers.filter((m) => due.has(m.id) && !counts.get(m.id));
  const plans = await buildPlans(
    ctx.db,
    quiet.map((m) => m.id),
    day,
    ctx.cache,
  );
  let added = 0;
  for (const [i, m] of quiet.entries()) {
    const text = messagesOf(m).schedule.nudge(m.name, plans[i]?.stops.length ?? 0);
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "nudge", day, replies: [{ kind: "text", text }] })) added++;
  }
  return added;
};

export const nudge = {
  kind: "nudge",
  at: (team) => team.nudgeAt,
  until: (team) => team.digestAt,
  workdaysOnly: true,
  produce: produceNudges,
} satisfies ScheduledPush;
