/**
 * The supervisor's evening digest: per member, visits against plan; then the day's stock-outs,
 * red flags (notes that hint at forced listing, pushed stock or tied sales) and quiz results.
 */
import type { Lang } from "../../domain/roster.js";
import { dateWithWeekday } from "../../plans/plan-wording.js";
import { quizScores } from "../../quiz/quiz-scores.js";
import { membersDay, membersOf, type MemberDay } from "./member-day.js";
import { activeMembers, type TeamProducer } from "./producer.js";

export const produceDigests: TeamProducer = async (ctx, team, day) => {
  let added = 0;
  for (const sup of await activeMembers(ctx, team.name, "supervisor")) {
    if (await ctx.outbox.has(sup.id, "digest", day)) continue;
    const members = await membersOf(ctx.db, sup);
    if (members.length === 0) continue;
    const days = await membersDay(ctx.db, members, day, ctx.cache);
    const ids = members.map((m) => m.id);
    const [today, month] = await Promise.all([quizScores(ctx.db, ids, day, day), quizScores(ctx.db, ids, `${day.slice(0, 7)}-01`, day)]);
    const lang = sup.lang as Lang;
    const text = renderDigest(team.name, day, days, (id) => ({ today: today.get(id)!, month: month.get(id)! }), lang);
    if (await ctx.outbox.enqueue({ personId: sup.id, kind: "digest", day, replies: [{ kind: "text", text }] })) added++;
  }
  return added;
};

type Scores = (id: string) => { today: { asked: number; answered: number; correct: number }; month: { answered: number; correct: number } };

export function renderDigest(team: string, day: string, members: MemberDay[], scores: Scores, lang: Lang): string {
  const zh = lang === "zh";
  const lines = [zh ? `【${team} · ${dateWithWeekday(day, lang)} 日报】` : `${team}: daily digest for ${dateWithWeekday(day, lang)}`];
  lines.push(zh ? "计划执行：" : "Visits against plan:");
  for (const m of members) {
    if (m.visits === 0) {
      lines.push(zh ? `· ${m.name}：今天还没有拜访记录${m.planned ? `（计划 ${m.planned} 家）` : ""}` : `· ${m.name}: nothing logged today${m.planned ? ` (${m.planned} planned)` : ""}`);
      continue;
    }
    const parts = zh
      ? [`计划 ${m.planned} 家，完成 ${m.done} 家`, m.skipped ? `跳过 ${m.skipped} 家` : "", m.extra ? `计划外 ${m.extra} 家` : ""]
      : [`${m.done} of ${m.planned} planned`, m.skipped ? `${m.skipped} skipped` : "", m.extra ? `${m.extra} off-plan` : ""];
    lines.push(`· ${m.name}${zh ? "：" : ": "}${parts.filter(Boolean).join(zh ? "，" : ", ")}`);
  }
  const stockOuts = members.flatMap((m) => m.stockOuts);
  if (stockOuts.length) {
    const list = stockOuts.map((s) => `${s.shop} ${s.products.join(zh ? "、" : ", ")}`);
    lines.push(zh ? `断货（${stockOuts.length} 家）：${list.join("；")}` : `Out of stock at ${stockOuts.length} ${stockOuts.length === 1 ? "store" : "stores"}: ${list.join("; ")}`);
  } else {
    lines.push(zh ? "断货：今天没有上报" : "Out of stock: none reported");
  }
  const flags = members.flatMap((m) => m.redFlags.map((f) => ({ ...f, who: m.name })));
  if (flags.length) {
    lines.push(zh ? `⚠ 需要关注（${flags.length} 条）：` : `⚠ Needs your attention (${flags.length}):`);
    for (const f of flags) lines.push(zh ? `· ${f.who} @ ${f.shop}${f.note ? `：“${f.note}”` : ""}` : `· ${f.who} at ${f.shop}${f.note ? `: "${f.note}"` : ""}`);
  }
  const quiz = members
    .filter((m) => scores(m.personId).today.asked > 0)
    .map((m) => {
      const s = scores(m.personId);
      const verdict = s.today.answered === 0 ? (zh ? "未答" : "no answer") : s.today.correct ? (zh ? "答对" : "right") : zh ? "答错" : "wrong";
      const monthly = s.month.answered ? (zh ? `，本月 ${s.month.correct}/${s.month.answered}` : `, month ${s.month.correct}/${s.month.answered}`) : "";
      return `${m.name} ${verdict}${monthly}`;
    });
  if (quiz.length) lines.push(zh ? `今日答题：${quiz.join("；")}` : `Today's quiz: ${quiz.join("; ")}`);
  return lines.join("\n");
};
