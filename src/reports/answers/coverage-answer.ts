/**
 * "这周二组的拜访覆盖率多少" / "本月一组还有多少店没覆盖到": per segment, the shops the visit
 * rules required in the period and how many were visited, with the missed shops by name
 * (all of them, by manager, with "明细").
 */
import type { CardReply, Reply } from "../../domain/messages.js";
import { coverage } from "../figures/coverage.js";
import type { StatusQuery } from "../query/query-types.js";
import { followUpChoice } from "../render/follow-ups.js";
import { periodWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";

/** Missed shops named per segment before "明细" lists them all. */
const MISSED_SHOWN = 8;

export async function answerCoverage(
  env: ReportEnv,
  query: StatusQuery,
  scope: Scope,
  people: string[],
): Promise<Reply[]> {
  const { t } = env;
  const words = t.reports.coverage;
  const segments = await coverage(
    env.db,
    scope.members.map((m) => m.id),
    query.period,
  );
  const lines: CardReply["lines"] = segments.map((s) => ({
    label: words.segment(s.segment, s.everyDays),
    value: words.segmentFigures(s),
  }));
  const names = new Map(scope.members.map((m) => [m.id, m.name]));
  for (const s of segments) {
    if (!s.missed.length) continue;
    const shown = query.details ? s.missed : s.missed.slice(0, MISSED_SHOWN);
    const named = shown.map((m) =>
      query.details ? words.missedShop(m.name, names.get(m.managerId) ?? m.managerId) : m.name,
    );
    const more = s.missed.length - shown.length;
    const list = t.format.list(named);
    lines.push({ label: words.missed(s.segment), value: more ? t.reports.andMore(list, s.missed.length, more) : list });
  }
  const due = segments.reduce((n, s) => n + s.due, 0);
  const done = segments.reduce((n, s) => n + s.dueVisited, 0);
  return [
    {
      kind: "card",
      title: words.title(scope.subject, periodWords(t, query.period, env.today)),
      lines,
      footer: segments.length ? words.footer(done, due) : words.nothing,
      actions: query.details
        ? []
        : [
            followUpChoice(t, t.reports.buttons.missedShops, {
              report: "coverage",
              period: query.period,
              scope,
              people,
            }),
          ],
    },
  ];
}
