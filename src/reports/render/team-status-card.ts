/**
 * The team status card: one line per member (plan done, visits, stock-outs, promotions, red flags,
 * last report), the totals, who has not reported, and every red flag with its record. Buttons ask
 * for the record-by-record list and the spreadsheet, so each figure can be checked.
 */
import type { CardReply } from "../../domain/messages.js";
import type { MemberStatus, TeamStatus } from "../figures/team-status.js";
import { teamTotals } from "../figures/team-status.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";
import { followUpChoice } from "./follow-ups.js";
import { visitBrief } from "./record-words.js";
import { listNames, percent, periodWords, timeWords } from "./report-words.js";

export function teamStatusCard(env: ReportEnv, status: TeamStatus, scope: Scope, query: StatusQuery, people: string[]): CardReply {
  const zh = env.lang === "zh";
  const period = status.period;
  const oneDay = period.from === period.to;
  const who = scopeLabel(env, scope);
  const title = zh ? `${who} · ${periodWords(period, env.today, "zh")}拜访情况` : `${who} · ${periodWords(period, env.today, "en")}`;
  const lines = status.members.map((m) => ({ label: m.member.name, value: memberWords(env, m, oneDay ? period.from : null) }));
  for (const v of status.redFlags) lines.push({ label: zh ? "⚠️ 合规提示" : "⚠️ Red flag", value: redFlagWords(env, v, !oneDay) });

  const t = teamTotals(status);
  // The same list as "谁还没报": no visit logged; a promotion alone is said so.
  const silent = status.members
    .filter((m) => m.totals.visits === 0 && !isDayOff(m))
    .map((m) => (m.totals.promotions ? `${m.member.name}${zh ? "（只报了促销活动）" : " (promotion only)"}` : m.member.name));
  const total = zh
    ? [
        t.planned === null ? null : `计划 ${t.planned} 家，完成 ${t.done} 家（${percent(t.done, t.planned)}）`,
        `共拜访 ${t.visits} 家次`,
        `断货 ${t.stockOuts} 条`,
        `促销 ${t.promotions} 场${t.promotions ? `，触达 ${t.consumers} 人` : ""}`,
        `合规提示 ${t.redFlags} 条`,
      ]
    : [
        t.planned === null ? null : `${t.done} of ${t.planned} planned stops done (${percent(t.done, t.planned)})`,
        `${t.visits} visits`,
        `${t.stockOuts} stock-outs`,
        `${t.promotions} promotions${t.promotions ? ` (${t.consumers} consumers reached)` : ""}`,
        `${t.redFlags} red flags`,
      ];
  const footer = [
    (zh ? "合计：" : "Total: ") + total.filter(Boolean).join(zh ? "；" : "; "),
    silent.length ? (zh ? `${oneDay ? "还没报拜访" : "期间无拜访记录"}：${listNames(silent, "zh")}` : `${oneDay ? "No visits logged yet" : "No visits logged"}: ${listNames(silent, "en")}`) : null,
    status.members.length && status.members[0].plan === null ? (zh ? "（超过一周不按日计划统计完成数。）" : "(Plan figures are given for up to a week.)") : null,
  ]
    .filter(Boolean)
    .join("\n");
  const follow = { period, scope, people };
  return {
    kind: "card",
    title,
    lines,
    footer,
    actions: [
      followUpChoice(zh ? "明细" : "Details", { ...follow, report: query.report === "member_detail" ? "member_detail" : "team_status" }, env.lang),
      followUpChoice(zh ? "导出表格" : "Export", { ...follow, report: "export" }, env.lang),
    ],
  };
}

export function scopeLabel(env: ReportEnv, scope: Scope): string {
  if (scope.team) return scope.team;
  if (env.viewer.role === "manager") return env.viewer.name;
  return env.lang === "zh" ? "全部团队" : "All teams";
}

function isDayOff(m: MemberStatus): boolean {
  return !!m.plan && m.plan.days.length > 0 && m.plan.days.every((d) => d.plan.dayOff !== null);
}

function memberWords(env: ReportEnv, m: MemberStatus, day: string | null): string {
  const zh = env.lang === "zh";
  const { totals: t, plan } = m;
  const parts: string[] = [];
  if (isDayOff(m)) parts.push(zh ? "休息日" : "day off");
  else if (plan && plan.planned > 0) {
    parts.push(zh ? `完成计划 ${plan.done}/${plan.planned} 家（${percent(plan.done, plan.planned)}）` : `plan ${plan.done}/${plan.planned} (${percent(plan.done, plan.planned)})`);
    if (plan.extra) parts.push(zh ? `计划外 ${plan.extra} 家` : `${plan.extra} off-plan`);
  } else if (plan) parts.push(zh ? "无计划" : "no plan");
  if (t.visits === 0 && t.promotions === 0) {
    if (!isDayOff(m)) parts.push(zh ? "还没上报" : "no reports yet");
    return parts.join(zh ? "，" : " · ");
  }
  if (t.visits === 0) parts.push(zh ? "还没报拜访" : "no visits logged");
  else parts.push(zh ? `拜访 ${t.visits} 家次${t.shops !== t.visits ? `（${t.shops} 家店）` : ""}` : `${t.visits} visit${t.visits === 1 ? "" : "s"}${t.shops !== t.visits ? ` (${t.shops} stores)` : ""}`);
  if (t.stockOuts) parts.push(zh ? `断货 ${t.stockOuts} 条` : `${t.stockOuts} stock-out${t.stockOuts === 1 ? "" : "s"}`);
  if (t.promotions) parts.push(zh ? `促销 ${t.promotions} 场（触达 ${t.consumers} 人）` : `${t.promotions} promotion${t.promotions === 1 ? "" : "s"} (${t.consumers} reached)`);
  if (t.redFlags) parts.push(zh ? `⚠️ 合规提示 ${t.redFlags} 条` : `⚠️ ${t.redFlags} red flag${t.redFlags === 1 ? "" : "s"}`);
  if (t.lastReportAt) parts.push(`${zh ? "最后上报" : "last report"} ${timeWords(t.lastReportAt, env.viewer.timezone, env.lang, day)}`);
  return parts.join(zh ? "，" : " · ");
}

function redFlagWords(env: ReportEnv, v: TeamStatus["redFlags"][number], withDate: boolean): string {
  const note = v.complianceNote ? (env.lang === "zh" ? `「${v.complianceNote}」` : ` "${v.complianceNote}"`) : "";
  return `${visitBrief(env, v, { withManager: true, withDate })}${note}`;
}
