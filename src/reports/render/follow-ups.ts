/**
 * The buttons under an answer ("明细", "导出") send back a full question, written so that it reads
 * the same again: the same team or people, the exact days (2026-11-16~2026-11-22, which does not
 * drift if tapped tomorrow) and the report word. A team word (or a colleague's name) and a question
 * mark make the conversation core route it as a status question whatever else it says.
 */
import type { Choice } from "../../domain/messages.js";
import type { Lang } from "../../domain/roster.js";
import type { Period, ReportKind } from "../query/query-types.js";
import type { Scope } from "../scope.js";

const WORDS: Record<Lang, Record<ReportKind, string>> = {
  zh: {
    team_status: "情况明细",
    member_detail: "拜访明细",
    not_reported: "谁没报",
    coverage: "覆盖明细",
    stock_outs: "断货明细",
    promotions: "促销明细",
    red_flags: "合规明细",
    export: "拜访记录导出",
  },
  en: {
    team_status: "status details",
    member_detail: "visit details",
    not_reported: "who hasn't reported",
    coverage: "coverage details",
    stock_outs: "stock-out details",
    promotions: "promotion details",
    red_flags: "compliance details",
    export: "export visits",
  },
};

export interface FollowUp {
  report: ReportKind;
  period: Period;
  scope: Scope;
  /** Names of the people the question was about, when it named some. */
  people: string[];
  /** Product names, for stock-outs. */
  products?: string[];
}

export function followUpQuestion(f: FollowUp, lang: Lang): string {
  const days = f.period.from === f.period.to ? f.period.from : `${f.period.from}~${f.period.to}`;
  const who = f.people.length ? f.people.join(lang === "zh" ? "、" : " and ") : (f.scope.team ?? "");
  // A named person without the team word reads back as that person's detail, not the team's.
  const team = f.people.length ? "" : lang === "zh" ? "团队" : "team";
  const what = [...(f.products ?? []), WORDS[lang][f.report]].join(" ");
  return `${who} ${team} ${days} ${what}${lang === "zh" ? "？" : "?"}`.replace(/\s+/g, " ").trim();
}

export function followUpChoice(label: string, f: FollowUp, lang: Lang): Choice {
  return { label, value: followUpQuestion(f, lang) };
}
