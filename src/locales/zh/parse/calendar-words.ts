/**
 * How Chinese messages name days of the week: 周三, 星期三, 礼拜三 (周日 and 周天 are both Sunday).
 * The one table every reader of Chinese dates uses (the date extractor, the cue tables, status
 * questions). Writing days in replies is the Formatter's job (zh/format.ts).
 */

import type { Festival } from "../../../domain/chinese-calendar.js";
import { parseChineseNumber } from "../../../parse/common/numerals.js";

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

/** The festivals by the names messages use (节 alone is the nearest one, read by the date extractor). */
export const FESTIVAL_WORDS: Readonly<Record<string, Festival>> = {
  春节: "spring",
  过年: "spring",
  大年初一: "spring",
  元宵节: "lantern",
  元宵: "lantern",
  清明节: "qingming",
  清明: "qingming",
  端午节: "dragon_boat",
  端午: "dragon_boat",
  中秋节: "mid_autumn",
  中秋: "mid_autumn",
  国庆节: "national",
  国庆: "national",
  元旦: "new_year",
  劳动节: "labour",
  五一节: "labour",
  五一: "labour",
  腊八节: "laba",
  腊八: "laba",
  小年: "little_new_year",
  除夕: "new_years_eve",
  大年三十: "new_years_eve",
};

/** 正月 1, 冬月 11, 腊月 12, else the month's number (三月 3, 十一月 11); NaN for another word. */
export function lunarMonthNumber(word: string): number {
  const named: Record<string, number> = { 正: 1, 冬: 11, 腊: 12 };
  return named[word] ?? parseChineseNumber(word) ?? Number.NaN;
}

/** 初八 → 8, 十五 → 15, 廿三 → 23, 三十 → 30: the day of a lunar month; NaN for another word. */
export function lunarDayNumber(word: string): number {
  if (word.startsWith("初")) return parseChineseNumber(word.slice(1)) ?? Number.NaN;
  if (word.startsWith("廿")) return 20 + (parseChineseNumber(word.slice(1)) ?? Number.NaN);
  return parseChineseNumber(word) ?? Number.NaN;
}
