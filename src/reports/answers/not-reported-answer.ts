/**
 * "谁还没报" / "who hasn't logged visits today?": the members with no visit logged for the day,
 * by name, and the others with their count and last report time — so the answer can be checked
 * at a glance. On the team's day off nobody is chased.
 */
import type { Reply } from "../../domain/messages.js";
import { calendarOf, dayOff } from "../../plans/team-calendar.js";
import { memberTotals, NO_TOTALS } from "../figures/member-totals.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import { followUpChoice } from "../render/follow-ups.js";
import { listNames, periodWords, timeWords } from "../render/report-words.js";
import { scopeLabel } from "../render/team-status-card.js";
import type { Scope } from "../scope.js";

export async function answerNotReported(env: ReportEnv, query: StatusQuery, scope: Scope, people: string[]): Promise<Reply[]> {
  const zh = env.lang === "zh";
  // "Who hasn't reported" is about one day; a week asked for is answered for its last day so far.
  const day = query.period.to;
  const period = { ...query.period, kind: "day" as const, from: day, to: day };
  const [totals, team] = await Promise.all([
    memberTotals(env.db, scope.members.map((m) => m.id), period),
    scope.team ? env.db.team.findUnique({ where: { name: scope.team } }) : Promise.resolve(null),
  ]);
  const when = periodWords(period, env.today, env.lang);
  const who = scopeLabel(env, scope);
  const rows = scope.members.map((m) => ({ m, t: totals.get(m.id) ?? NO_TOTALS }));
  const silent = rows.filter((r) => r.t.visits === 0);

  const out: string[] = [];
  const off = scope.team ? dayOff(calendarOf(team), day) : null;
  if (off) out.push(zh ? `${when}是${who}的休息日，不用报拜访。` : `${when} is a day off for ${who}; no visits expected.`);
  else if (silent.length === 0) out.push(zh ? `${when}${who} ${rows.length} 人都已报拜访。` : `Everyone on ${who} (${rows.length}) has logged visits ${when}.`);
  else {
    const names = silent.map((r) => (r.t.promotions ? `${r.m.name}${zh ? "（只报了促销活动）" : " (logged a promotion only)"}` : r.m.name));
    out.push(
      zh
        ? `${when}${who} ${rows.length} 人中，还没报拜访的有 ${silent.length} 人：${listNames(names, "zh")}。`
        : `${silent.length} of ${rows.length} on ${who} ${silent.length === 1 ? "hasn't" : "haven't"} logged visits ${when}: ${listNames(names, "en")}.`,
    );
  }
  const lines = rows.map(({ m, t }) => {
    if (t.visits === 0) return { label: m.name, value: zh ? "还没报拜访" : "no visits logged" };
    const at = t.lastReportAt ? timeWords(t.lastReportAt, env.viewer.timezone, env.lang, day) : "";
    return { label: m.name, value: zh ? `${t.visits} 家次，最后上报 ${at}` : `${t.visits} visit${t.visits === 1 ? "" : "s"}, last at ${at}` };
  });
  return [
    {
      kind: "card",
      title: out.join(" "),
      lines,
      actions: [followUpChoice(zh ? "明细" : "Details", { report: "team_status", period, scope, people }, env.lang)],
    },
  ];
}
