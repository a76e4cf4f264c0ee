/**
 * "谁还没报" / "who hasn't logged visits today?": the members with no visit logged for the day,
 * by name, and the others with their count and last report time — so the answer can be checked
 * at a glance. On the team's day off nobody is chased. A manager asking hears about themselves.
 */
import type { CardReply, Reply } from "../../domain/messages.js";
import { calendarOf, dayOff } from "../../plans/team-calendar.js";
import { memberTotals, NO_TOTALS } from "../figures/member-totals.js";
import type { StatusQuery } from "../query/query-types.js";
import { followUpChoice } from "../render/follow-ups.js";
import { periodWords, timeWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";
import { teamNamed } from "../report-queries.js";
import type { Scope } from "../scope.js";

export async function answerNotReported(
  env: ReportEnv,
  query: StatusQuery,
  scope: Scope,
  people: string[],
): Promise<Reply[]> {
  const { t } = env;
  const words = t.reports.notReported;
  // "Who hasn't reported" is about one day; a week asked for is answered for its last day so far.
  const day = query.period.to;
  const period = { ...query.period, kind: "day" as const, from: day, to: day };
  const [totals, team] = await Promise.all([
    memberTotals(
      env.db,
      scope.members.map((m) => m.id),
      period,
    ),
    scope.team ? teamNamed(env.db, scope.team) : Promise.resolve(null),
  ]);
  const when = periodWords(t, period, env.today);
  const rows = scope.members.map((m) => ({ m, s: totals.get(m.id) ?? NO_TOTALS }));
  const silent = rows.filter((r) => r.s.visits === 0);

  let title: string;
  const self = rows.length === 1 && scope.subject.kind === "self" ? rows[0] : undefined;
  if (self) title = self.s.visits ? words.selfDone(when, self.s.visits) : words.selfNone(when, self.s.promotions > 0);
  else if (scope.team && dayOff(calendarOf(team), day)) title = words.dayOff(scope.subject, when);
  else if (silent.length === 0) title = words.everyone(scope.subject, when, rows.length);
  else {
    const names = silent.map((r) => (r.s.promotions ? words.promotionOnly(r.m.name) : r.m.name));
    title = words.some(scope.subject, when, silent.length, rows.length, t.format.list(names));
  }
  const lines: CardReply["lines"] = rows.map(({ m, s }) => ({
    label: m.name,
    value:
      s.visits === 0
        ? words.noVisits
        : words.visitsLastAt(s.visits, s.lastReportAt ? timeWords(t, s.lastReportAt, env.viewer.timezone, day) : ""),
  }));
  return [
    {
      kind: "card",
      title,
      lines,
      actions: [followUpChoice(t, t.reports.buttons.details, { report: "team_status", period, scope, people })],
    },
  ];
}
