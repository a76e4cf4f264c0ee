/**
 * How Chinese messages name days of the week: 周三, 星期三, 礼拜三 (周日 and 周天 are both Sunday).
 * The one table every reader of Chinese dates uses (the date extractor, the cue tables, status
 * questions). Writing days in replies is the Formatter's job (zh/format.ts).
 */

/** The words that come before a weekday's name. */
export const WEEK = "周|星期|礼拜";

/** ISO weekday (Monday 1 … Sunday 7) of each name written after 周/星期/礼拜. */
const WEEKDAYS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** The weekday names as the body of a regex character class. */
export const WEEKDAY_CHARS = Object.keys(WEEKDAYS).join("");

/** 周三 or, as texting writes it, 周3: the ISO weekday of a name or a digit 1–7. */
export function weekdayNumber(name: string): number {
  return WEEKDAYS[name] ?? Number(name);
}
