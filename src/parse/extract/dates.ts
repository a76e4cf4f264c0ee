/**
 * Date expressions and both their readings (FORMAT.md "Dates"): as a visit that happened
 * (on or before today) and as a follow-up (after today). Which reading applies is decided
 * later from the words around it; here we only read the calendar.
 * Chinese needs its own layer: chrono's zh parser misses 月底, 下个月, bare 下周, 两周后, 下下周.
 */
import {
  addDays, addMonths, compareDays, daysInMonth, lastWeekday, nextWeekday, weekdayInWeek, type Day,
} from "../common/calendar.js";
import { parseChineseNumber, parseEnglishNumber, EN_NUMBER_WORDS } from "../common/numerals.js";

export interface DateExpr {
  start: number;
  end: number;
  /** The day if this is a visit that happened; null when it can only be in the future. */
  visit: Day | null;
  /** The day if this is a promised follow-up; null when it can only be in the past. */
  follow: Day | null;
  /** Bare weekdays and day numbers need a verb to count as a visit day. */
  needsVerb: boolean;
}

const ZH_WD: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7 };
const EN_WD: [RegExp, number][] = [
  [/^mon/, 1], [/^tue/, 2], [/^wed/, 3], [/^thu/, 4], [/^fri/, 5], [/^sat/, 6], [/^sun/, 7],
];
const EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const CNUM = "\\d{1,2}|[一二三四五六七八九十]{1,3}";
const n = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseChineseNumber(s) ?? NaN);

/** A day of a month: this month if it fits the reading, else the next (follow) or previous (visit). */
function monthDay(today: Day, d: number): Pick<DateExpr, "visit" | "follow"> {
  if (!(d >= 1 && d <= 31)) return { visit: null, follow: null };
  const fit = (y: number, m: number): Day | null => (d <= daysInMonth(y, m) ? { y, m, d } : null);
  const here = fit(today.y, today.m);
  const nextM = addMonths(today, 1, 1);
  const prevM = addMonths(today, -1, 1);
  const follow = here && compareDays(here, today) > 0 ? here : fit(nextM.y, nextM.m);
  const visit = here && compareDays(here, today) <= 0 ? here : fit(prevM.y, prevM.m);
  return { visit, follow };
}

function yearDay(today: Day, m: number, d: number): Pick<DateExpr, "visit" | "follow"> {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(today.y, m))) return { visit: null, follow: null };
  const here = { y: today.y, m, d };
  const past = compareDays(here, today) <= 0;
  return { visit: past ? here : { y: today.y - 1, m, d }, follow: past ? { y: today.y + 1, m, d } : here };
}

const weekdayBoth = (today: Day, wd: number): Pick<DateExpr, "visit" | "follow"> => ({
  visit: lastWeekday(today, wd),
  follow: nextWeekday(today, wd),
});

function weekOf(today: Day, wd: number, weeks: number): Pick<DateExpr, "visit" | "follow"> {
  const day = weekdayInWeek(today, wd, weeks);
  const c = compareDays(day, today);
  return { visit: c <= 0 ? day : null, follow: c > 0 ? day : null };
}

const relative = (today: Day, days: number): Pick<DateExpr, "visit" | "follow"> =>
  days <= 0 ? { visit: addDays(today, days), follow: null } : { visit: null, follow: addDays(today, days) };

type Rule = [RegExp, (m: RegExpExecArray, today: Day) => (Pick<DateExpr, "visit" | "follow"> & { needsVerb?: boolean }) | null];

const ZH_RULES: Rule[] = [
  [new RegExp(`(${CNUM})月(${CNUM})[日号]`, "g"), (m, t) => yearDay(t, n(m[1]), n(m[2]))],
  [new RegExp(`(下个?|这个?|本|上个?)月(${CNUM})[日号]`, "g"), (m, t) => {
    const shift = m[1].startsWith("下") ? 1 : m[1].startsWith("上") ? -1 : 0;
    const day = addMonths(t, shift, n(m[2]));
    return compareDays(day, t) > 0 ? { visit: null, follow: day } : { visit: day, follow: null };
  }],
  [new RegExp(`(?<![月\\d第])(${CNUM})[号日](?![子])`, "g"), (m, t) => ({ ...monthDay(t, n(m[1])), needsVerb: true })],
  [/下下个?(?:周|星期|礼拜)([一二三四五六日天1-7])/g, (m, t) => weekOf(t, ZH_WD[m[1]], 2)],
  [/(下|这|本|上)个?(?:周|星期|礼拜)([一二三四五六日天1-7])/g, (m, t) => {
    const weeks = m[1] === "下" ? 1 : m[1] === "上" ? -1 : 0;
    return weekOf(t, ZH_WD[m[2]], weeks);
  }],
  [/(?:周|星期|礼拜)([一二三四五六日天1-7])/g, (m, t) => ({ ...weekdayBoth(t, ZH_WD[m[1]]), needsVerb: true })],
  [/下下个?(?:周|星期|礼拜)/g, (_m, t) => ({ visit: null, follow: weekdayInWeek(t, 1, 2) })],
  [/下个?(?:周|星期|礼拜)/g, (_m, t) => ({ visit: null, follow: weekdayInWeek(t, 1, 1) })],
  [/下个?月/g, (_m, t) => ({ visit: null, follow: addMonths(t, 1, 1) })],
  [/月底|月末/g, (_m, t) => ({ visit: null, follow: { y: t.y, m: t.m, d: daysInMonth(t.y, t.m) } })],
  [new RegExp(`(\\d+|[一二两三四五六七八九十]+)\\s*(天|周|个?星期|个?礼拜|个?月)(?:后|以后|之后)`, "g"), (m, t) => {
    const k = /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
    if (k === null) return null;
    if (m[2].endsWith("月")) return { visit: null, follow: addMonths(t, k, t.d) };
    return { visit: null, follow: addDays(t, m[2] === "天" ? k : 7 * k) };
  }],
  [/大后天/g, (_m, t) => relative(t, 3)],
  [/(?<!大)后天/g, (_m, t) => relative(t, 2)],
  [/明天|明日|明早|明晚|明儿/g, (_m, t) => relative(t, 1)],
  [/今天|今日|今晚|今早|今儿|今天下午/g, (_m, t) => relative(t, 0)],
  [/昨天|昨日|昨晚|昨儿/g, (_m, t) => relative(t, -1)],
  [/大前天/g, (_m, t) => relative(t, -3)],
  [/(?<!大)前天/g, (_m, t) => relative(t, -2)],
];

const WD_RE = "(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
const enWd = (s: string) => EN_WD.find(([re]) => re.test(s))![1];

const EN_RULES: Rule[] = [
  [new RegExp(`\\b(${EN_MONTHS.join("|")})[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, "g"), (m, t) =>
    yearDay(t, EN_MONTHS.indexOf(m[1]) + 1, Number(m[2]))],
  [/(?<![\d/$.])\b(\d{1,2})\/(\d{1,2})\b(?![/\d])/g, (m, t) => yearDay(t, Number(m[1]), Number(m[2]))],
  [/\bthe (\d{1,2})(?:st|nd|rd|th)\b/g, (m, t) => ({ ...monthDay(t, Number(m[1])), needsVerb: true })],
  [new RegExp(`\\b(next|this|last|coming)\\s+${WD_RE}\\b`, "g"), (m, t) => {
    const weeks = m[1] === "next" ? 1 : m[1] === "last" ? -1 : 0;
    if (m[1] === "coming") return { visit: null, follow: nextWeekday(t, enWd(m[2])) };
    return weekOf(t, enWd(m[2]), weeks);
  }],
  [new RegExp(`\\b${WD_RE}\\b(?:'s)?`, "g"), (m, t) => ({ ...weekdayBoth(t, enWd(m[1])), needsVerb: true })],
  [/\bnext week\b/g, (_m, t) => ({ visit: null, follow: weekdayInWeek(t, 1, 1) })],
  [/\bnext month\b/g, (_m, t) => ({ visit: null, follow: addMonths(t, 1, 1) })],
  [/\b(?:end of (?:the )?month|month end|eom)\b/g, (_m, t) => ({ visit: null, follow: { y: t.y, m: t.m, d: daysInMonth(t.y, t.m) } })],
  [new RegExp(`\\bin\\s+(\\d+|${EN_NUMBER_WORDS})\\s+(days?|weeks?|months?)\\b|\\b(\\d+|${EN_NUMBER_WORDS})\\s+(days?|weeks?)\\s+from\\s+(?:now|today)\\b`, "g"), (m, t) => {
    const k = parseEnglishNumber(m[1] ?? m[3]);
    const unit = m[2] ?? m[4];
    if (k === null) return null;
    if (unit.startsWith("month")) return { visit: null, follow: addMonths(t, k, t.d) };
    return { visit: null, follow: addDays(t, unit.startsWith("week") ? 7 * k : k) };
  }],
  [/\bday after tomorrow\b/g, (_m, t) => relative(t, 2)],
  [/\b(?:tomorrow|tmrw|tmr|tomorow)\b/g, (_m, t) => relative(t, 1)],
  [/\b(?:today|tonight|this morning|this afternoon|this evening|this am|this pm)\b/g, (_m, t) => relative(t, 0)],
  [/\b(?:yesterday|yday|last night)\b/g, (_m, t) => relative(t, -1)],
];

/** Abbreviations that are also English words ("sat", "sun") count only when written like a day. */
function plausibleEnglish(original: string, m: RegExpExecArray): boolean {
  const word = m[0].toLowerCase();
  if (!/^(?:sat|sun|wed|mon)\b/.test(word) || /^(?:saturday|sunday|wednesday|monday)/.test(word)) return true;
  const raw = original.slice(m.index, m.index + m[0].length);
  const after = original[m.index + m[0].length] ?? "";
  const before = original.slice(Math.max(0, m.index - 3), m.index).toLowerCase();
  return /^[A-Z]/.test(raw) || /[.:]/.test(after) || before.endsWith("on ");
}

/** Date expressions in normalised text; `original` is the raw text (for capitalisation). */
export function findDates(text: string, original: string, today: Day): DateExpr[] {
  const found: DateExpr[] = [];
  const overlaps = (s: number, e: number) => found.some((d) => s < d.end && d.start < e);
  for (const [rules, en] of [[ZH_RULES, false], [EN_RULES, true]] as const) {
    for (const [re, read] of rules) {
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (overlaps(start, end)) continue;
        if (en && !plausibleEnglish(original, m as RegExpExecArray)) continue;
        const r = read(m as RegExpExecArray, today);
        if (!r || (!r.visit && !r.follow)) continue;
        found.push({ start, end, visit: r.visit, follow: r.follow, needsVerb: !!r.needsVerb });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
