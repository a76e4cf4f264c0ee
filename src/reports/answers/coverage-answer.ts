/**
 * "这周二组的拜访覆盖率多少" / "本月一组还有多少店没覆盖到": per segment, the shops the visit
 * rules required in the period and how many were visited, with the missed shops by name
 * (all of them, by manager, with "明细").
 */
import type { CardReply, Reply } from "../../domain/messages.js";
import { coverage } from "../figures/coverage.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import { followUpChoice } from "../render/follow-ups.js";
import { listNames, percent, periodWords, segmentWords } from "../render/report-words.js";
import { scopeLabel } from "../render/team-status-card.js";
import type { Scope } from "../scope.js";

const MISSED_SHOWN = 8;

export async function answerCoverage(env: ReportEnv, query: StatusQuery, scope: Scope, people: string[]): Promise<Reply[]> {
  const zh = env.lang === "zh";
  const segments = await coverage(env.db, scope.members.map((m) => m.id), query.period);
  const title = zh
    ? `${scopeLabel(env, scope)} · ${periodWords(query.period, env.today, "zh")}拜访覆盖（按分类拜访频次）`
    : `${scopeLabel(env, scope)} · coverage ${periodWords(query.period, env.today, "en")} (against visit frequency)`;
  const lines: CardReply["lines"] = [];
  const names = new Map(scope.members.map((m) => [m.id, m.name]));
  for (const s of segments) {
    lines.push({
      label: zh ? `${segmentWords(s.segment, "zh")}（每 ${s.everyDays} 天）` : `${segmentWords(s.segment, "en")} (every ${s.everyDays} days)`,
      value: zh
        ? `应访 ${s.due} 家，已访 ${s.dueVisited} 家，覆盖率 ${percent(s.dueVisited, s.due)}；本期共到访 ${s.visited}/${s.shops} 家`
        : `${s.dueVisited} of ${s.due} due visited (${percent(s.dueVisited, s.due)}); ${s.visited} of ${s.shops} stores visited in all`,
    });
  }
  for (const s of segments) {
    if (!s.missed.length) continue;
    const shown = query.details ? s.missed : s.missed.slice(0, MISSED_SHOWN);
    const words = shown.map((m) => (query.details ? `${m.name}（${names.get(m.managerId) ?? m.managerId}）` : m.name));
    const more = s.missed.length - shown.length;
    lines.push({
      label: zh ? `未覆盖${segmentWords(s.segment, "zh")}` : `Missed: ${segmentWords(s.segment, "en").toLowerCase()}`,
      value: listNames(words, env.lang) + (more ? (zh ? ` 等 ${s.missed.length} 家` : ` and ${more} more`) : ""),
    });
  }
  const due = segments.reduce((n, s) => n + s.due, 0);
  const done = segments.reduce((n, s) => n + s.dueVisited, 0);
  const footer = segments.length
    ? zh
      ? `合计应访 ${due} 家，已访 ${done} 家，覆盖率 ${percent(done, due)}。「应访」指按上次拜访日期和分类频次，本期内到期（或从未拜访）的店。`
      : `In all ${done} of ${due} due stores visited (${percent(done, due)}). "Due" means the store's visit fell due in the period by its last visit and segment frequency (or it was never visited).`
    : zh ? "没有可统计的店。" : "No stores to count.";
  return [
    {
      kind: "card",
      title,
      lines,
      footer,
      actions: query.details ? [] : [followUpChoice(zh ? "未覆盖明细" : "All missed stores", { report: "coverage", period: query.period, scope, people }, env.lang)],
    },
  ];
}
