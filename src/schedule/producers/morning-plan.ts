/** The morning plan: each manager's visit plan for the day, greeted by name. */
import type { Lang } from "../../domain/roster.js";
import { buildPlans } from "../../plans/build-plan.js";
import { renderPlan } from "../../plans/render-plan.js";
import { localTime } from "../local-time.js";
import { activeMembers, callName, type TeamProducer } from "./producer.js";

/** After a restart the plan can go out late: no "good morning" in the afternoon. */
const LATE_AFTER = "10:00";

const HINT: Record<Lang, string> = {
  zh: "跑完一家说一声就能记下；临时去不了，就说“跳过老王家 今天关门”。",
  en: "Tell me about each stop as you go; if you can't make one, say \"skip Joe's, closed today\".",
};

export const produceMorningPlans: TeamProducer = async (ctx, team, day) => {
  const due = [];
  for (const m of await activeMembers(ctx, team.name, "manager")) if (!(await ctx.outbox.has(m.id, "morning_plan", day))) due.push(m);
  const plans = await buildPlans(ctx.db, due.map((m) => m.id), day, ctx.cache);
  let added = 0;
  for (const [i, m] of due.entries()) {
    const lang = m.lang as Lang;
    const plan = plans[i];
    const late = localTime(ctx.now, team.timezone) >= LATE_AFTER;
    const greeting =
      lang === "zh"
        ? late ? `${m.name}，今天的拜访计划发晚了，抱歉！` : `${m.name}，早上好！`
        : late ? `Hi ${callName(m.name, lang)}, sorry, today's plan is late.` : `Good morning, ${callName(m.name, lang)}!`;
    const replies = renderPlan(plan, lang, { today: day, greeting });
    if (plan.stops.length > 0) replies.push({ kind: "text", text: HINT[lang] });
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "morning_plan", day, replies })) added++;
  }
  return added;
};
