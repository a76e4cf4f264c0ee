/**
 * The buttons under an answer ("明细", "导出") send back a full question, written so that it reads
 * the same again: the same team or people, the exact days (2026-11-16~2026-11-22, which does not
 * drift if tapped tomorrow) and the report word. A team word (or a colleague's name) and a question
 * mark make the conversation core route it as a status question whatever else it says.
 */
import type { Choice } from "../../domain/messages.js";
import type { Messages } from "../../locales/index.js";
import type { Period, ReportKind } from "../query/query-types.js";
import type { Scope } from "../scope.js";

export interface FollowUp {
  report: ReportKind;
  period: Period;
  scope: Scope;
  /** Names of the people the question was about, when it named some. */
  people: string[];
  /** Product names, for stock-outs. */
  products?: string[];
}

function followUpQuestion(t: Messages, f: FollowUp): string {
  const words = t.reports.followUpQuestion;
  const days = f.period.from === f.period.to ? f.period.from : `${f.period.from}~${f.period.to}`;
  const who = f.people.length ? words.people(f.people) : (f.scope.team ?? "");
  // A named person without the team word reads back as that person's detail, not the team's.
  const team = f.people.length ? "" : words.teamWord;
  const what = [...(f.products ?? []), words.report[f.report]].join(" ");
  return `${who} ${team} ${days} ${what}${words.questionMark}`.replace(/\s+/g, " ").trim();
}

export function followUpChoice(t: Messages, label: string, f: FollowUp): Choice {
  return { label, value: followUpQuestion(t, f) };
}
