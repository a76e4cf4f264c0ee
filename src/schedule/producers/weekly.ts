/**
 * Monday's summary of the week before: supervisors get their team member by member, managers their own
 * week (visits, plan kept, follow-through, quiz), so both start the week from the same numbers.
 */
import { addDays } from "../../domain/calendar.js";
import type { Lang } from "../../domain/roster.js";
import { shortDate } from "../../plans/plan-wording.js";
import { calendarOf, dayOff } from "../../plans/team-calendar.js";
import { quizScores, type QuizScore } from "../../quiz/quiz-scores.js";
import type { Db } from "../../store/database.js";
import type { PlanCache } from "../../plans/build-plan.js";
import { membersDay, membersOf } from "./member-day.js";
import { activeMembers, callName, type TeamProducer } from "./producer.js";

interface Week {
  visits: number;
  planned: number;
  done: number;
  skipped: number;
  stockOuts: number;
  redFlags: number;
}

/** Each person's week, in order: one batch of plans and visits per working day for all of them. */
async function weeksOf(db: Db, people: { id: string; name: string }[], workdays: string[], cache: PlanCache): Promise<Week[]> {
  const weeks: Week[] = people.map(() => ({ visits: 0, planned: 0, done: 0, skipped: 0, stockOuts: 0, redFlags: 0 }));
  for (const day of workdays) {
    (await membersDay(db, people, day, cache)).forEach((d, i) => {
      const week = weeks[i];
      week.visits += d.visits;
      week.planned += d.planned;
      week.done += d.done;
      week.skipped += d.skipped;
      week.stockOuts += d.stockOuts.length;
      week.redFlags += d.redFlags.length;
    });
  }
  return weeks;
}

function weekLine(w: Week, q: QuizScore, lang: Lang): string {
  const pct = w.planned ? Math.round((100 * w.done) / w.planned) : null;
  if (lang === "zh") {
    return [
      `拜访 ${w.visits} 家次`,
      w.planned ? `计划完成 ${w.done}/${w.planned}（${pct}%）` : "",
      w.skipped ? `跳过 ${w.skipped} 家` : "",
      w.stockOuts ? `报断货 ${w.stockOuts} 次` : "",
      w.redFlags ? `⚠ 需关注 ${w.redFlags} 条` : "",
      q.asked ? `答题 ${q.correct}/${q.asked}` : "",
    ]
      .filter(Boolean)
      .join("，");
  }
  return [
    `${w.visits} ${w.visits === 1 ? "visit" : "visits"}`,
    w.planned ? `plan ${w.done}/${w.planned} (${pct}%)` : "",
    w.skipped ? `${w.skipped} skipped` : "",
    w.stockOuts ? `${w.stockOuts} out-of-stock reports` : "",
    w.redFlags ? `⚠ ${w.redFlags} to review` : "",
    q.asked ? `quiz ${q.correct}/${q.asked}` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export const produceWeekly: TeamProducer = async (ctx, team, day) => {
  const from = addDays(day, -7);
  const to = addDays(day, -1);
  const calendar = calendarOf(team);
  const workdays = Array.from({ length: 7 }, (_, i) => addDays(from, i)).filter((d) => !dayOff(calendar, d));
  let added = 0;
  const weeks = new Map<string, Week>();
  /** Reads the weeks not read yet, all together. */
  const readWeeks = async (people: { id: string; name: string }[]) => {
    const unread = [...new Map(people.filter((p) => !weeks.has(p.id)).map((p) => [p.id, p])).values()];
    (await weeksOf(ctx.db, unread, workdays, ctx.cache)).forEach((w, i) => weeks.set(unread[i].id, w));
  };

  const managers = [];
  for (const m of await activeMembers(ctx, team.name, "manager")) if (!(await ctx.outbox.has(m.id, "weekly", day))) managers.push(m);
  await readWeeks(managers);
  for (const m of managers) {
    const lang = m.lang as Lang;
    const q = (await quizScores(ctx.db, [m.id], from, to)).get(m.id)!;
    const line = weekLine(weeks.get(m.id)!, q, lang);
    const text =
      lang === "zh"
        ? `${m.name}，上周（${shortDate(from, lang)}—${shortDate(to, lang)}）小结：${line}。新的一周加油！`
        : `Hi ${callName(m.name, lang)}, your week of ${shortDate(from, lang)}–${shortDate(to, lang)}: ${line}. Have a good week!`;
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "weekly", day, replies: [{ kind: "text", text }] })) added++;
  }

  for (const sup of await activeMembers(ctx, team.name, "supervisor")) {
    if (await ctx.outbox.has(sup.id, "weekly", day)) continue;
    const members = await membersOf(ctx.db, sup);
    if (members.length === 0) continue;
    const lang = sup.lang as Lang;
    const scores = await quizScores(ctx.db, members.map((m) => m.id), from, to);
    await readWeeks(members);
    const lines = [
      lang === "zh"
        ? `【${team.name} · 上周小结（${shortDate(from, lang)}—${shortDate(to, lang)}）】`
        : `${team.name}: the week of ${shortDate(from, lang)}–${shortDate(to, lang)}`,
    ];
    for (const m of members) lines.push(`· ${m.name}${lang === "zh" ? "：" : ": "}${weekLine(weeks.get(m.id)!, scores.get(m.id)!, lang)}`);
    if (await ctx.outbox.enqueue({ personId: sup.id, kind: "weekly", day, replies: [{ kind: "text", text: lines.join("\n") }] })) added++;
  }
  return added;
};
