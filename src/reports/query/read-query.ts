/**
 * Reads a status question: which report (the report-question tables of every language in
 * locales/<lang>/parse/report-questions.ts, first match wins), which
 * period, which team, which managers by name (林志强, 志强, "Jake") and which products (the rule
 * parser's product mentions, passed in). Pure: the same text and `today` always read the same.
 */

import type { Person } from "../../domain/roster.js";
import { normalizeText } from "../../parse/common/normalize.js";
import { personKeys } from "../../parse/extract/people.js";
import { PARSE_LOCALES, type ReportQuestion } from "../../parse/locale.js";
import type { PeriodKind, ReportKind, StatusQuery } from "./query-types.js";
import { defaultPeriod, readPeriod } from "./read-period.js";

export interface QueryInput {
  text: string;
  today: string;
  /** Everyone who might be named; only managers are matched. */
  people: Person[];
  teams: string[];
  /** SKUs of the products the rule parser found in the text. */
  skus: string[];
}

const DEFAULT_PERIOD: Record<ReportKind, PeriodKind> = {
  team_status: "day",
  not_reported: "day",
  member_detail: "day",
  coverage: "week",
  stock_outs: "week",
  promotions: "week",
  red_flags: "week",
  export: "week",
};

export function readStatusQuery(input: QueryInput): StatusQuery {
  let text = normalizeText(input.text);
  const team = findTeam(text, input.teams);
  // A team name is taken out before reading the period: "这周二组" is team 二组, not Tuesday.
  if (team) text = text.split(team.said).join(" ");
  const named = findPeople(text, input.people);
  for (const said of named.said) text = text.split(said).join(" ");

  let report: ReportKind = kindOf(text) ?? "team_status";
  const wholeTeam = PARSE_LOCALES.some((l) => l.reportQuestions.wholeTeam.test(text));
  if (report === "team_status" && named.ids.length === 1 && !wholeTeam) report = "member_detail";

  return {
    report,
    period: readPeriod(text, input.today) ?? defaultPeriod(DEFAULT_PERIOD[report], input.today),
    skus: [...new Set(input.skus)],
    personIds: named.ids,
    team: team?.name ?? null,
    details: PARSE_LOCALES.some((l) => said(l.reportQuestions.details, text)),
  };
}

/** A report question's phrases, the asking ones or the naming ones, are in the text. */
const said = (q: Omit<ReportQuestion, "kind">, text: string) => !!q.asks?.test(text) || !!q.names?.test(text);

function kindOf(text: string): ReportKind | null {
  for (const l of PARSE_LOCALES) {
    for (const q of l.reportQuestions.kinds) if (said(q, text)) return q.kind;
  }
  return null;
}

/** A full team name anywhere, else a short one ("二组") that ends exactly one team's name. */
function findTeam(text: string, teams: string[]): { name: string; said: string } | null {
  const full = [...teams].sort((a, b) => b.length - a.length).find((t) => text.includes(normalizeText(t)));
  if (full) return { name: full, said: normalizeText(full) };
  for (const { reportQuestions: q } of PARSE_LOCALES) {
    if (!q.teamShort) continue;
    for (const m of text.matchAll(q.teamShort)) {
      const [only, ...more] = teams.filter((t) => t.endsWith(m[0]));
      if (only !== undefined && !more.length) return { name: only, said: m[0] };
    }
  }
  return null;
}

/** Managers named by full name, given name (志强) or first name (Jake), longest names first. */
function findPeople(text: string, people: QueryInput["people"]): { ids: string[]; said: string[] } {
  const keys = people
    .filter((p) => p.role === "manager")
    .flatMap((p) => personKeys(p).map((key) => ({ key, id: p.id })))
    .sort((a, b) => b.key.length - a.key.length);
  const ids: string[] = [];
  const said: string[] = [];
  let rest = text;
  for (const { key, id } of keys) {
    const at = rest.indexOf(key);
    if (at < 0) continue;
    // English names must stand as words: "Jake" is not inside "Jakes' store".
    if (/^[a-z]/.test(key) && (/[a-z]/.test(rest[at - 1] ?? "") || /[a-z]/.test(rest[at + key.length] ?? ""))) continue;
    rest = rest.slice(0, at) + " ".repeat(key.length) + rest.slice(at + key.length);
    if (!ids.includes(id)) ids.push(id);
    said.push(key);
  }
  return { ids, said };
}
