/**
 * "林志强今天跑了几家" / "how is Jake doing today": one member's period with every visit listed
 * (shop, time, key facts, reference), the planned shops still open, and their promotions.
 */
import type { CardReply, Reply } from "../../domain/messages.js";
import { promotionRecords } from "../figures/promotion-records.js";
import { teamStatus } from "../figures/team-status.js";
import { countVisits, visitRecords } from "../figures/visit-records.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import { followUpChoice } from "../render/follow-ups.js";
import { promotionBrief, visitBrief } from "../render/record-words.js";
import { listNames, percent, periodWords, timeWords } from "../render/report-words.js";
import { LIST_LIMIT } from "../render/visit-list.js";
import type { Member, Scope } from "../scope.js";

const OPEN_STOPS_SHOWN = 10;

export async function answerMemberDetail(env: ReportEnv, query: StatusQuery, scope: Scope, member: Member): Promise<Reply[]> {
  const zh = env.lang === "zh";
  const period = query.period;
  const [status, visits, total, promotions] = await Promise.all([
    teamStatus(env.db, [member], period, env.today),
    visitRecords(env.db, [member.id], period, { take: LIST_LIMIT }),
    countVisits(env.db, [member.id], period),
    promotionRecords(env.db, [member.id], period),
  ]);
  const { totals: t, plan } = status.members[0];
  const multiDay = period.from !== period.to;
  const lines: CardReply["lines"] = [];

  const offDays = plan?.days.filter((d) => d.plan.dayOff).length ?? 0;
  if (plan && offDays === plan.days.length && plan.days.length > 0) lines.push({ label: zh ? "计划" : "Plan", value: zh ? "休息日" : "day off" });
  else if (plan) {
    lines.push({
      label: zh ? "计划" : "Plan",
      value: zh
        ? `${plan.planned} 家，已完成 ${plan.done} 家（${percent(plan.done, plan.planned)}）${plan.extra ? `，计划外 ${plan.extra} 家` : ""}`
        : `${plan.done} of ${plan.planned} done (${percent(plan.done, plan.planned)})${plan.extra ? `, ${plan.extra} off-plan` : ""}`,
    });
  }
  lines.push({
    label: zh ? "拜访" : "Visits",
    value: zh ? `${t.visits} 家次${t.shops !== t.visits ? `（${t.shops} 家店）` : ""}` : `${t.visits}${t.shops !== t.visits ? ` (${t.shops} stores)` : ""}`,
  });
  visits.forEach((v, i) => lines.push({ label: `${i + 1}`, value: visitBrief(env, v, { withDate: multiDay }) }));
  if (total > visits.length) lines.push({ label: "…", value: zh ? `另有 ${total - visits.length} 条，请导出查看` : `${total - visits.length} more in the export` });

  const open = plan?.days.flatMap((d) => d.remaining.map((s) => s.name)) ?? [];
  if (open.length && !multiDay) {
    const shown = open.slice(0, OPEN_STOPS_SHOWN);
    const more = open.length - shown.length;
    lines.push({
      label: zh ? "计划未访" : "Still open",
      value: listNames(shown, env.lang) + (more ? (zh ? ` 等 ${open.length} 家` : ` and ${more} more`) : ""),
    });
  }
  if (t.stockOuts) lines.push({ label: zh ? "断货" : "Stock-outs", value: zh ? `${t.stockOuts} 条` : `${t.stockOuts}` });
  for (const p of promotions) lines.push({ label: zh ? "促销" : "Promotion", value: promotionBrief(env, p) });
  if (t.redFlags) lines.push({ label: zh ? "⚠️ 合规提示" : "⚠️ Red flags", value: zh ? `${t.redFlags} 条（见上方标记）` : `${t.redFlags} (marked above)` });

  const day = multiDay ? null : period.from;
  const footer = t.lastReportAt
    ? `${zh ? "最后上报" : "Last report"} ${timeWords(t.lastReportAt, env.viewer.timezone, env.lang, day)}`
    : zh ? "这段时间还没有上报。" : "Nothing logged in this period yet.";
  const follow = { period, scope, people: [member.name] };
  return [
    {
      kind: "card",
      title: `${member.name} · ${periodWords(period, env.today, env.lang)}`,
      lines,
      footer,
      actions: [followUpChoice(zh ? "导出表格" : "Export", { ...follow, report: "export" }, env.lang)],
    },
  ];
}
