/**
 * The supervisor's evening digest: per member, visits against plan; then the day's stock-outs,
 * red flags (notes that hint at forced listing, pushed stock or tied sales) and quiz results.
 */
import type { Messages } from "../../locales/index.js";
import type { QuizVerdict } from "../../locales/messages/schedule.js";
import { type QuizScore, quizScores } from "../../quiz/quiz-scores.js";
import { activeMembers, managersOf } from "../schedule-queries.js";
import { type MemberDay, membersDay } from "./member-day.js";
import { messagesOf, type ScheduledPush, type TeamProducer } from "./producer.js";

const NO_SCORE: QuizScore = { asked: 0, answered: 0, correct: 0 };

const produceDigests: TeamProducer = async (ctx, team, day) => {
  const supervisors = await activeMembers(ctx.db, team.name, "supervisor");
  let added = 0;
  for (const id of await ctx.outbox.withoutPush(
    supervisors.map((s) => s.id),
    "digest",
    day,
  )) {
    const sup = supervisors.find((s) => s.id === id);
    if (!sup) continue;
    const members = await managersOf(ctx.db, sup);
    if (members.length === 0) continue;
    const days = await membersDay(ctx.db, members, day, ctx.cache);
    const ids = members.map((m) => m.id);
    const [today, month] = await Promise.all([
      quizScores(ctx.db, ids, day, day),
      quizScores(ctx.db, ids, `${day.slice(0, 7)}-01`, day),
    ]);
    const text = renderDigest(messagesOf(sup), team.name, day, days, (member) => ({
      today: today.get(member) ?? NO_SCORE,
      month: month.get(member) ?? NO_SCORE,
    }));
    if (await ctx.outbox.enqueue({ personId: sup.id, kind: "digest", day, replies: [{ kind: "text", text }] })) added++;
  }
  return added;
};

type Scores = (personId: string) => { today: QuizScore; month: QuizScore };

export function renderDigest(t: Messages, team: string, day: string, members: MemberDay[], scores: Scores): string {
  const d = t.schedule.digest;
  const lines = [d.title(team, day), d.planHeading];
  for (const m of members) lines.push(m.visits === 0 ? d.nothingLogged(m) : d.member(m));
  const stockOuts = members.flatMap((m) => m.stockOuts);
  lines.push(stockOuts.length ? d.stockOuts(stockOuts) : d.noStockOuts);
  const flags = members.flatMap((m) => m.redFlags.map((f) => ({ ...f, who: m.name })));
  if (flags.length) {
    lines.push(d.flagsHeading(flags.length));
    for (const f of flags) lines.push(d.flag(f.who, f.shop, f.note));
  }
  const quiz = members
    .filter((m) => scores(m.personId).today.asked > 0)
    .map((m) => {
      const s = scores(m.personId);
      const verdict: QuizVerdict = s.today.answered === 0 ? "unanswered" : s.today.correct ? "right" : "wrong";
      return d.quiz(m.name, verdict, s.month);
    });
  if (quiz.length) lines.push(d.quizLine(quiz));
  return lines.join("\n");
}

export const digest = {
  kind: "digest",
  at: (team) => team.digestAt,
  until: () => "24:00",
  workdaysOnly: true,
  produce: produceDigests,
} satisfies ScheduledPush;
