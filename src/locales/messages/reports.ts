/**
 * The reports part of the message catalogue: the supervisors' answers (team status, who has not
 * reported, coverage, stock-outs, promotions, red flags, export). Chinese as a 营销部主任 says it;
 * English as a US sales lead would.
 */
import type { Unit } from "../../domain/records.js";
import type { ReportKind } from "../../reports/query/query-types.js";
import type { ScopeNote } from "../../reports/scope.js";

/** Whom an answer is about: one team, every team (an admin), or the asker alone (a manager). */
export type Subject = { kind: "team"; team: string } | { kind: "all" } | { kind: "self"; name: string };

/** The days an answer covers, with how the asker would name them relative to today. */
export type SaidPeriod =
  | { kind: "day"; day: string; relative: "today" | "yesterday" | null }
  | { kind: "span"; from: string; to: string; relative: "thisWeek" | "lastWeek" | "thisMonth" | null };

/** One member's line on the status card. `plan` is null beyond a week (no plan figures), "none" without a plan. */
export interface MemberLine {
  dayOff: boolean;
  plan: { planned: number; done: number; extra: number } | "none" | null;
  visits: number;
  shops: number;
  stockOuts: number;
  promotions: number;
  consumers: number;
  redFlags: number;
  /** When they last reported, already worded; null when they have not. */
  lastReport: string | null;
}

/** The card's totals; `planned` is null when the period is too long for plan figures. */
interface TeamLine {
  planned: number | null;
  done: number;
  visits: number;
  stockOuts: number;
  promotions: number;
  consumers: number;
  redFlags: number;
}

interface SegmentLine {
  due: number;
  dueVisited: number;
  visited: number;
  shops: number;
}

/** Facts of one visit, each already worded (product lists). */
interface VisitFacts {
  outOfStock: string | null;
  listed: string | null;
  ordered: string | null;
  feedback: boolean;
  redFlag: boolean;
}

export interface ReportMessages {
  /** 今天 11月25日（周三） / today (Wed, Nov 25) / 本周（11月23日—25日） / last week (Nov 16–22) */
  period(period: SaidPeriod): string;
  /** The subject as a title names it: 新罗一组 / 全部团队 / 林志强. */
  subject(subject: Subject): string;
  /** Why the answer covers less than was asked. */
  note(note: ScopeNote): string;
  /** Nobody in scope at all. */
  noManagers: string;
  /** A list cut short: 王记、老周 等 12 家 / Joe's, Sunrise and 10 more. */
  andMore(list: string, total: number, more: number): string;
  /** 中华(软) 12条 / Coke Zero: 3 cases; a line without a count or unit says so. */
  stockLine(product: string, qty: number | null, unit: Unit | null): string;
  /** A visit's promised follow-up: a day, or "unspecified". */
  followUp(followUp: string): string;

  /** The buttons under answers. */
  buttons: { details: string; export: string; missedShops: string };

  /** The status card ("团队今天情况"). */
  status: {
    title(subject: Subject, when: string): string;
    member(line: MemberLine): string;
    redFlagLabel: string;
    promotionOnly(name: string): string;
    totals(line: TeamLine): string;
    /** Who logged no visit: `oneDay` false for a longer period. */
    silent(names: string, oneDay: boolean): string;
    planFiguresLimit: string;
    /** "明细": the visit-by-visit list. */
    detailsHeading(subject: Subject, when: string, total: number): string;
    /** The list's heading per member. */
    memberHeading(name: string, visits: number): string;
    noVisits: string;
    moreInExport(more: number): string;
  };

  /** The planned-vs-done chart. */
  chart: {
    /** The chart's own headline; the period goes on a second line. */
    title(subject: Subject): string;
    /** The image as a reply (its caption and plain-text form). */
    caption(subject: Subject, when: string): string;
    legend: { planned: string; done: string; extra: string };
  };

  /** One record in one line. */
  record: {
    facts(facts: VisitFacts): string[];
    /** When it was reported: (10:00), or (补报于 11月25日 09:00) for a report sent on a later day. */
    reportedAt(time: string, late: boolean): string;
    /** 品鉴会 @ 老陈超市 / tasting at Joe's. */
    promotionAt(format: string, shops: string | null): string;
    featuring(products: string): string;
    consumersReached(n: number): string;
    sold(lines: string): string;
  };

  /** One member's period ("林志强今天跑了几家"). */
  member: {
    title(name: string, when: string): string;
    labels: { plan: string; visits: string; stillOpen: string; stockOuts: string; promotion: string; redFlags: string };
    dayOff: string;
    plan(planned: number, done: number, extra: number): string;
    visits(visits: number, shops: number): string;
    moreInExport(more: number): string;
    stockOuts(n: number): string;
    redFlags(n: number): string;
    lastReport(time: string): string;
    nothingYet: string;
  };

  /** "谁还没报". */
  notReported: {
    dayOff(subject: Subject, when: string): string;
    everyone(subject: Subject, when: string, people: number): string;
    some(subject: Subject, when: string, silent: number, people: number, names: string): string;
    /** A manager asking about themselves. */
    selfDone(when: string, visits: number): string;
    selfNone(when: string, promotionOnly: boolean): string;
    promotionOnly(name: string): string;
    noVisits: string;
    visitsLastAt(visits: number, at: string): string;
  };

  coverage: {
    title(subject: Subject, when: string): string;
    segment(segment: string, everyDays: number): string;
    segmentFigures(line: SegmentLine): string;
    missed(segment: string): string;
    /** A missed shop with its manager, in the full list. */
    missedShop(shop: string, manager: string): string;
    footer(done: number, due: number): string;
    nothing: string;
  };

  stockOuts: {
    none(subject: Subject, when: string, products: string | null): string;
    forProducts(subject: Subject, when: string, products: string, shops: number, restocked: number): string;
    byProduct(subject: Subject, when: string, reports: number): string;
    productHeading(product: string, shops: number): string;
    backInStock: string;
  };

  promotions: {
    none(subject: Subject, when: string): string;
    summary(subject: Subject, when: string, sessions: number, consumers: number, sales: string | null): string;
    perMember(name: string, sessions: number, consumers: number): string;
    byPerson(list: string): string;
    unknownConsumers(sessions: number): string;
  };

  redFlags: {
    none(subject: Subject, when: string): string;
    heading(subject: Subject, when: string, flags: number): string;
    inTheirWords(note: string): string;
  };

  export: {
    tooMany(subject: Subject, when: string, visits: number): string;
    title(subject: Subject, when: string, visits: number): string;
    note: string;
  };

  /** The .xlsx export's sheets and headers. */
  workbook: {
    visitsSheet: string;
    linesSheet: string;
    visitColumns: readonly string[];
    lineColumns: readonly string[];
    lineKind: Record<"stock" | "out_of_stock" | "listed" | "order", string>;
    yes: string;
  };

  /**
   * The words of the question an answer's button sends back; the parser must read it again the
   * same way (see reports/query/read-query.ts).
   */
  followUpQuestion: {
    report: Record<ReportKind, string>;
    people(names: string[]): string;
    teamWord: string;
    questionMark: string;
  };
}
