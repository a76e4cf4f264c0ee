/**
 * "林志强今天跑了几家" / "how is Jake doing today": one member's period with every visit listed
 * (shop, time, key facts, reference), the planned shops still open, and their promotions.
 */
import type { CardReply, Reply } from "../../domain/messages.js";
import { countVisits, promotionRecords, visitRecords } from "../figures/figure-queries.js";
import { NO_TOTALS } from "../figures/member-totals.js";
import { teamStatus } from "../figures/team-status.js";
import type { StatusQuery } from "../query/query-types.js";
import { followUpChoice } from "../render/follow-ups.js";
import { promotionBrief, visitBrief } from "../render/record-words.js";
import { periodWords, timeWords } from "../render/report-words.js";
import { LIST_LIMIT } from "../render/visit-list.js";
import type { ReportEnv } from "../report-env.js";
import type { Member, Scope } from "../scope.js";

/** Planned shops still to visit named before the list is cut. */
const OPEN_STOPS_SHOWN = 10;

export async function answerMemberDetail(
  env: ReportEnv,
  query: StatusQuery,
  scope: Scope,
  member: Member,
): Promise<Reply[]> {
  const { t } = env;
  const words = t.reports.member;
  const period = query.period;
  const [status, visits, total, promotions] = await Promise.all([
    teamStatus(env.db, [member], period, env.today),
    visitRecords(env.db, [member.id], period, { take: LIST_LIMIT }),
    countVisits(env.db, [member.id], period),
    promotionRecords(env.db, [member.id], period),
  ]);
  const totals = status.members[0]?.totals ?? NO_TOTALS;
  const plan = status.members[0]?.plan ?? null;
  const multiDay = period.from !== period.to;
  const lines: CardReply["lines"] = [];

  const offDays = plan?.days.filter((d) => d.plan.dayOff).length ?? 0;
  if (plan && offDays === plan.days.length && plan.days.length > 0)
    lines.push({ label: words.labels.plan, value: words.dayOff });
  else if (plan) lines.push({ label: words.labels.plan, value: words.plan(plan.planned, plan.done, plan.extra) });
  lines.push({ label: words.labels.visits, value: words.visits(totals.visits, totals.shops) });
  for (const [i, v] of visits.entries())
    lines.push({ label: `${i + 1}`, value: visitBrief(env, v, { withDate: multiDay }) });
  if (total > visits.length) lines.push({ label: "…", value: words.moreInExport(total - visits.length) });

  const open = plan?.days.flatMap((d) => d.remaining.map((s) => s.name)) ?? [];
  if (open.length && !multiDay) {
    const shown = t.format.list(open.slice(0, OPEN_STOPS_SHOWN));
    const more = open.length - OPEN_STOPS_SHOWN;
    lines.push({
      label: words.labels.stillOpen,
      value: more > 0 ? t.reports.andMore(shown, open.length, more) : shown,
    });
  }
  if (totals.stockOuts) lines.push({ label: words.labels.stockOuts, value: words.stockOuts(totals.stockOuts) });
  for (const p of promotions) lines.push({ label: words.labels.promotion, value: promotionBrief(env, p) });
  if (totals.redFlags) lines.push({ label: words.labels.redFlags, value: words.redFlags(totals.redFlags) });

  const day = multiDay ? null : period.from;
  return [
    {
      kind: "card",
      title: words.title(member.name, periodWords(t, period, env.today)),
      lines,
      footer: totals.lastReportAt
        ? words.lastReport(timeWords(t, totals.lastReportAt, env.viewer.timezone, day))
        : words.nothingYet,
      actions: [
        followUpChoice(t, t.reports.buttons.export, { period, scope, people: [member.name], report: "export" }),
      ],
    },
  ];
}
