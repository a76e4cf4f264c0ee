/**
 * The team status card: one line per member (plan done, visits, stock-outs, promotions, red flags,
 * last report), the totals, who has not reported, and every red flag with its record. Buttons ask
 * for the record-by-record list and the spreadsheet, so each figure can be checked.
 */
import type { CardReply } from "../../domain/messages.js";
import type { MemberLine } from "../../locales/messages/reports.js";
import type { MemberStatus, TeamStatus } from "../figures/team-status.js";
import { teamTotals } from "../figures/team-status.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";
import { followUpChoice } from "./follow-ups.js";
import { visitBrief } from "./record-words.js";
import { periodWords, timeWords } from "./report-words.js";

export function teamStatusCard(
  env: ReportEnv,
  status: TeamStatus,
  scope: Scope,
  query: StatusQuery,
  people: string[],
): CardReply {
  const { t } = env;
  const words = t.reports.status;
  const period = status.period;
  const oneDay = period.from === period.to;
  const lines = status.members.map((m) => ({
    label: m.member.name,
    value: words.member(memberLine(env, m, oneDay ? period.from : null)),
  }));
  for (const v of status.redFlags) {
    const note = v.complianceNote ? ` ${t.format.quote(v.complianceNote)}` : "";
    lines.push({
      label: words.redFlagLabel,
      value: `${visitBrief(env, v, { withManager: true, withDate: !oneDay })}${note}`,
    });
  }

  // The same list as "谁还没报": no visit logged; a promotion alone is said so.
  const silent = status.members
    .filter((m) => m.totals.visits === 0 && !isDayOff(m))
    .map((m) => (m.totals.promotions ? words.promotionOnly(m.member.name) : m.member.name));
  // 拜访签到: who was at the shops they reported, once the team checks in at all.
  const onSite = status.members.flatMap((m) => {
    const counts = status.onSite.get(m.member.id);
    return counts ? [t.media.onSiteOf(m.member.name, counts.onSite, counts.unchecked)] : [];
  });
  const footer = [
    words.totals(teamTotals(status)),
    onSite.length ? t.media.onSiteLine(t.format.clauses(onSite)) : null,
    silent.length ? words.silent(t.format.list(silent), oneDay) : null,
    status.members[0]?.plan === null ? words.planFiguresLimit : null,
  ]
    .filter(Boolean)
    .join("\n");
  const follow = { period, scope, people };
  return {
    kind: "card",
    title: words.title(scope.subject, periodWords(t, period, env.today)),
    lines,
    footer,
    actions: [
      followUpChoice(t, t.reports.buttons.details, {
        ...follow,
        report: query.report === "member_detail" ? "member_detail" : "team_status",
      }),
      followUpChoice(t, t.reports.buttons.export, { ...follow, report: "export" }),
    ],
  };
}

function isDayOff(m: MemberStatus): boolean {
  return !!m.plan && m.plan.days.length > 0 && m.plan.days.every((d) => d.plan.dayOff !== null);
}

function memberLine(env: ReportEnv, m: MemberStatus, day: string | null): MemberLine {
  const { totals: s, plan } = m;
  return {
    dayOff: isDayOff(m),
    plan:
      plan === null ? null : plan.planned > 0 ? { planned: plan.planned, done: plan.done, extra: plan.extra } : "none",
    visits: s.visits,
    shops: s.shops,
    stockOuts: s.stockOuts,
    promotions: s.promotions,
    consumers: s.consumers,
    redFlags: s.redFlags,
    lastReport: s.lastReportAt ? timeWords(env.t, s.lastReportAt, env.viewer.timezone, day) : null,
  };
}
