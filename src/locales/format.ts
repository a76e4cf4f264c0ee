/**
 * How one language writes days, times, lists, counts, quantities and distances. Every reply goes
 * through one Formatter, so a day reads the same on a receipt, a plan and a supervisor's answer.
 */
import type { Unit } from "../domain/records.js";

/** Things counted in replies; English needs their singular and plural, Chinese their measure word. */
export type Noun =
  | "shop"
  | "visit"
  | "person"
  | "manager"
  | "record"
  | "day"
  | "redFlag"
  | "stockOut"
  | "promotion"
  | "consumer"
  | "photo";

export interface Formatter {
  /** 11月25日 / Nov 25 */
  shortDay(day: string): string;
  /** 11月25日（周三） / Wed, Nov 25: the one way a single day is written. */
  day(day: string): string;
  /** 周三 / Wed (ISO weekday: Monday 1 … Sunday 7). */
  weekday(isoWeekday: number): string;
  /** 11月23日—25日 / Nov 23–25 */
  span(from: string, to: string): string;
  /** 17:32 / 5:32 pm */
  clock(hour: number, minute: number): string;
  /** A list of names or items: 张记、旺旺 / Joe's, Sunrise */
  list(items: string[]): string;
  /** Clauses of one line: 库存 …；断货 … / stock …; out of stock … */
  clauses(items: string[]): string;
  /** 3家 / 3 shops */
  count(n: number, noun: Noun): string;
  /** 12条 / 12 cartons */
  quantity(qty: number, unit: Unit): string;
  /** The unit's name alone: 条 / cartons */
  unitName(unit: Unit, qty?: number): string;
  /** 1小时30分钟 / 1 h 30 min */
  minutes(minutes: number): string;
  /** 42% (— when there is nothing to divide by) */
  percent(part: number, whole: number): string;
  /** 约 23.4 公里 / about 23.4 km (14.5 mi) */
  distance(km: number): string;
  /** The «quotation» marks around words quoted back to the sender: 「…」 / "…" */
  quote(text: string): string;
  /** The separator between a label and its value: "：" / ": " */
  colon: string;
}

/** Splits YYYY-MM-DD into numbers (the calendar's own, re-exported for the formatters). */
export { dayParts } from "../domain/calendar.js";

/** Percent of part in whole, rounded; "—" when whole is 0. Language-neutral, shared by both formatters. */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((100 * part) / whole)}%`;
}
