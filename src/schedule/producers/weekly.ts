/**
 * Monday's summary of the week before: supervisors get their team member by member, managers their own
 * week (visits, plan kept, follow-through, quiz), so both start the week from the same numbers.
 */
import { addDays } from "../../domain/calendar.js";
import type { WeekFigures } from "../../locales/messages/schedule.js";
import type { PlanCache } from "../../plans/build-plan.js";
import { calendarOf, dayOff } from "../../plans/team-calendar.js";
import { type QuizScore, quizScores } from "../../quiz/quiz-scores.js";
import type { Db } from "../../store/database.js";
import { activeMembers, managersOf } from "../schedule-queries.js";
import { membersDay } from "./member-day.js";
import { messagesOf, type ScheduledPush, type TeamProducer } from "./producer.js";

type Week = Omit<WeekFigures, "quiz">;

const DAYS_IN_WEEK = 7;
const NO_SCORE: QuizScore = { asked: 0, answered: 0, correct: 0 };

/** Each person's week, in order: one batch of plans and visits per working day for all of them. */
async function weeksOf(
  db: Db,
  people: { id: string; name: string }[],
  workdays: string[],
  cache: PlanCache,
): Promise<Week[]> {
  const weeks: Week[] = people.map(() => ({ visits: 0, planned: 0, done: 0, skipped: 0, stockOuts: 0, redFlags: 0 }));
  for (const day of workdays) {
    (await membersDay(db, people, day, cache)).forEach((d, i) => {
      const week = weeks[i];
      if (!week) return;
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

const produceWeekly: TeamProducer = async (ctx, team, day) => {
  const from = addDays(day, -DAYS_IN_WEEK);
  const to = addDays(day, -1);
  const calendar = calendarOf(team);
  const workdays = Array.from({ length: DAYS_IN_WEEK }, (_, i) => addDays(from, i)).filter((d) => !dayOff(calendar, d));
  let added = 0;
  const weeks = new Map<string, Week>();
  /** Reads the weeks not read yet, all together. */
  const readWeeks = async (people: { id: string; name: string }[]) => {
    const unread = [...new Map(people.filter((p) => !weeks.has(p.id)).map((p) => [p.id, p])).values()];
    (await weeksOf(ctx.db, unread, workdays, ctx.cache)).forEach((w, i) => {
      const person = unread[i];
      if (person) weeks.set(person.id, w);
    });
  };
  const figures = (id: string, quiz: QuizScore | undefined): WeekFigures | null => {
    const week = weeks.get(id);
    return week ? { ...week, quiz: quiz ?? NO_SCORE } : null;
  };

  const teamManagers = await activeMembers(ctx.db, team.name, "manager");
  const due = new Set(
    await ctx.outbox.withoutPush(
      teamManagers.map((m) => m.id),
      "weekly",
      day,
    ),
  );
  const managers = teamManagers.filter((m) => due.has(m.id));
  await readWeeks(managers);
  const managerScores = await quizScores(
    ctx.db,
    managers.map((m) => m.id),
    from,
    to,
  );
  for (const m of managers) {
    const own = figures(m.id, managerScores.get(m.id));
    if (!own) continue;
    const text = messagesOf(m).schedule.weekly.own(m.name, from, to, own);
    if (await ctx.outbox.enqueue({ personId: m.id, kind: "weekly", day, replies: [{ kind: "text", text }] })) added++;
  }

  const supervisors = await activeMembers(ctx.db, team.name, "supervisor");
  for (const id of await ctx.outbox.withoutPush(
    supervisors.map((s) => s.id),
    "weekly",
    day,
  )) {
    const sup = supervisors.find((s) => s.id === id);
    if (!sup) continue;
    const members = await managersOf(ctx.db, sup);
    if (members.length === 0) continue;
    const t = messagesOf(sup);
    const scores = await quizScores(
      ctx.db,
      members.map((m) => m.id),
      from,
      to,
    );
    await readWeeks(members);
    const lines = [t.schedule.weekly.teamTitle(team.name, from, to)];
    for (const m of members) {
      const week = figures(m.id, scores.get(m.id));
      if (week) lines.push(t.schedule.weekly.member(m.name, week));
    }
    if (
      await ctx.outbox.enqueue({
        personId: sup.id,
        kind: "weekly",
        day,
        replies: [{ kind: "text", text: lines.join("\n") }],
      })
    )
      added++;
  }
  return added;
};

export const weekly = {
  kind: "weekly",
  // The week's summary arrives with Monday's plan, whether or not Monday is worked.
  at: (team) => team.morningPlanAt,
  until: () => "24:00",
  weekdays: [1],
  workdaysOnly: false,
  produce: produceWeekly,
} satisfies ScheduledPush;
