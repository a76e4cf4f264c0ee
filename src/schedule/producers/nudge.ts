/**
 * The gentle evening nudge (Geekbot-style) to managers who have logged nothing today.
 * It asks once, shows how to report in one line, and lets a different kind of day be.
 */
import type { Lang } from "../../domain/roster.js";
import { buildPlans } from "../../plans/build-plan.js";
import { activeMembers, callName, type TeamProducer } from "./producer.js";

export const produceNudges: TeamProducer = async (ctx, team, day) => {
  const quiet = [];
  for (const m of await activeMembers(ctx, team.name, "manager")) {
    if (await ctx.outbox.has(m.id, "nudge", day)) continue;
    if ((await ctx.db.visit.count({ where: { managerId: m.id, date: day, status: "active" } })) > 0) continue;
    quiet.push(m);
  }
  const plans = await buildPlans(ctx.db, quiet.map((m) => m.id), day, ctx.cache);
  let added = 0;
  for (const [i, m] of quiet.entries()) {
    const planned = plans[i].stops.length;
    const lang = m.lang as Lang;
    const text =
      lang === "zh"
        ? `${m.name}，今天还没有拜访记录哦${planned ? `（今天计划 ${planned} 家）` : ""}。跑完一家随手发一句就能记下，比如“老王烟酒店 硬中华5条，玉溪断货”。今天在忙别的事的话，忽略这条就好。`
        : `Hi ${callName(m.name, lang)}, no visits logged today yet${planned ? ` (${planned} planned)` : ""}. After each stop just send one line, e.g. "Joe's Market: 3 cases Coke Zero, out of Diet Coke". If today was a different kind of day, just ignore this.`;
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "nudge", day, replies: [{ kind: "text", text }] })) added++;
  }
  return added;
};
