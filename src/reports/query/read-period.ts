/**
 * Which days a question is about: 今天 / 昨天 / 这周 / 上周 / 本月 / 11月20日 / "last week" / "Nov 20".
 * Weeks start on Monday (the Chinese working week; the US teams report Monday to Friday too).
 * A current week or month ends today: days that have not happened have nothing to count.
 */
import { addDays, daysBetween, isoWeekday } from "../../domain/calendar.js";
import * as en from "../../locales/en/parse/calendar-words.js";
import * as zh from "../../locales/zh/parse/calendar-words.js";
import type { Period, PeriodKind } from "./query-types.js";

const ZH_WEEKDAY_SAID = new RegExp(`(上|这|本)?(?:${zh.WEEK})([${zh.WEEKDAY_CHARS}])`);
const EN_WEEKDAY_SAID = new RegExp(`\\b(last )?(${en.WEEKDAY_PREFIXES})[a-z]*day\\b`);
const EN_MONTH_DAY = new RegExp(`\\b(${en.MONTH_PREFIXES})[a-z]*\\.? (\\d{1,2})\\b`);

/** The period the text names, or null when it names none. `text` is lower-cased. */
export function readPeriod(text: string, today: string): Period | null {
  const said = (kind: PeriodKind, from: string, to: string): Period => ({
    kind,
    from,
    to: to > today ? today : to,
    said: true,
  });
  const day = (d: string) => said("day", d, d);

  // The canonical form the answers' own buttons send back: 2026-11-16~2026-11-22.
  const range = text.match(/(20\d\d-\d\d-\d\d)\s*(?:~|～|至|到|to)\s*(20\d\d-\d\d-\d\d)/);
  const [, rangeFrom, rangeTo] = range ?? [];
  if (rangeFrom && rangeTo) {
    const length = daysBetween(rangeFrom, rangeTo);
    return said(length <= 0 ? "day" : length <= 6 ? "week" : "month", rangeFrom, rangeTo);
  }
  const ymd = text.match(/(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})/);
  if (ymd) return day(isoDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])));
  const md = text.match(/(\d{1,2})月(\d{1,2})[日号]?/) ?? text.match(/\b(\d{1,2})\/(\d{1,2})\b/);
  if (md) return day(latestDayOf(Number(md[1]), Number(md[2]), today));
  const enMd = text.match(EN_MONTH_DAY);
  const enMonth = en.monthNumber(enMd?.[1] ?? "");
  if (enMd && enMonth) return day(latestDayOf(enMonth, Number(enMd[2]), today));

  if (/前天|day before yesterday/.test(text)) return day(addDays(today, -2));
  if (/昨天|昨日|yesterday/.test(text)) return day(addDays(today, -1));

  const zhWd = text.match(ZH_WEEKDAY_SAID);
  const zhWeekday = zh.weekdayNumber(zhWd?.[2] ?? "");
  if (zhWd && zhWeekday) return day(weekdayDay(today, zhWeekday, zhWd[1] === "上"));
  const enWd = text.match(EN_WEEKDAY_SAID);
  const enWeekday = en.weekdayNumber(enWd?.[2] ?? "");
  if (enWd && enWeekday) return day(weekdayDay(today, enWeekday, !!enWd[1]));

  const monday = addDays(today, 1 - isoWeekday(today));
  if (/上周|上星期|上礼拜|上个星期|上个礼拜|last week|past week|previous week/.test(text)) {
    return said("week", addDays(monday, -7), addDays(monday, -1));
  }
  if (/本周|这周|这星期|本星期|这礼拜|本礼拜|这个星期|这个礼拜|这一周|本週|this week|week so far|weekly/.test(text)) {
    return said("week", monday, addDays(monday, 6));
  }
  const first = `${today.slice(0, 8)}01`;
  if (/上个月|上月|last month|previous month/.test(text)) {
    const lastOfPrevious = addDays(first, -1);
    return said("month", `${lastOfPrevious.slice(0, 8)}01`, lastOfPrevious);
  }
  if (/本月|这个月|这月|当月|this month|month so far|monthly/.test(text)) return said("month", first, today);
  if (/今天|今日|当天|目前|现在|today|right now|so far/.test(text)) return day(today);
  return null;
}

/** The default when a question names no time. */
export function defaultPeriod(kind: PeriodKind, today: string): Period {
  if (kind === "day") return { kind, from: today, to: today, said: false };
  if (kind === "week") return { kind, from: addDays(today, 1 - isoWeekday(today)), to: today, said: false };
  return { kind, from: `${today.slice(0, 8)}01`, to: today, said: false };
}

/** Every day of a period, in order. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push(d);
  return days;
}

function isoDay(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "11月20日" with no year: the most recent such day (a question is about the past). */
function latestDayOf(month: number, dayOfMonth: number, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = isoDay(year, month, dayOfMonth);
  return thisYear <= today ? thisYear : isoDay(year - 1, month, dayOfMonth);
}

/** 周三 means this week's Wednesday once it has come, else last week's; 上周三 always last week's. */
function weekdayDay(today: string, weekday: number, lastWeek: boolean): string {
  const thisWeek = addDays(today, weekday - isoWeekday(today));
  return lastWeek || thisWeek > today ? addDays(thisWeek, -7) : thisWeek;
}
