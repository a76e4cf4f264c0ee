/**
 * What a supervisor's question asks for, once read: which report, over which days, about which
 * products, people or team. Separating the reading from the answering lets the phrase tables be
 * tested as tables, with a fixed `today`, without a database.
 */

const REPORT_KINDS = [
  "team_status",
  "not_reported",
  "coverage",
  "stock_outs",
  "member_detail",
  "promotions",
  "red_flags",
  "export",
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type PeriodKind = "day" | "week" | "month";

/** A span of local calendar days, both ends included (YYYY-MM-DD). */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  /** false when the question named no time and the report's default was taken. */
  said: boolean;
}

export interface StatusQuery {
  report: ReportKind;
  period: Period;
  /** Products the question names (a brand alone names all its products). */
  skus: string[];
  /** Managers named in the question, by id. */
  personIds: string[];
  /** A team named in the question ("二组", "Austin North"). */
  team: string | null;
  /** The record-by-record list was asked for ("明细", "details"). */
  details: boolean;
}
