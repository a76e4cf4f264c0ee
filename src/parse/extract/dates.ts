/**
 * Date expressions and both their readings (FORMAT.md "Dates"): as a visit that happened
 * (on or before today) and as a follow-up (after today). Which reading applies is decided
 * later from the words around it; here we only read the calendar.
 * Chinese needs its own layer: chrono's zh parser misses 月底, 下个月, bare 下周, 两周后, 下下周.
 */
import {
  addDays,
  addMonths,
  dayOf,
  dayParts,
  daysInMonth,
  lastWeekday,
  nextWeekday,
  weekdayInWeek,
} from "../../domain/calendar.js";
import {
  type Festival,
  festivalAfter,
  festivalBefore,
  firstWorkdayAfter,
  lastLunarDay,
  lastWorkdayBefore,
  nextLunarDay,
} from "../../domain/chinese-calendar.js";
import {
  weekdayNumber as enWeekday,
  MONTH_PREFIXES,
  monthNumber,
  WEEKDAY_NAMES,
} from "../../locales/en/parse/calendar-words.js";
import {
  FESTIVAL_WORDS,
  lunarDayNumber,
  lunarMonthNumber,
  WEEK,
  WEEKDAY_CHARS,
  weekdayNumber as zhWeekday,
} from "../../locales/zh/parse/calendar-words.js";
import { EN_NUMBER_WORDS, parseChineseNumber, parseEnglishNumber } from "../common/numerals.js";

export interface DateExpr {
  start: number;
  end: number;
  /** The day (YYYY-MM-DD) if this is a visit that happened; null when it can only be in the future. */
  visit: string | null;
  /** The day (YYYY-MM-DD) if this is a promised follow-up; null when it can only be in the past. */
  follow: string | null;
  /** Bare weekdays and day numbers need a verb to count as a visit day. */
  needsVerb: boolean;
  /** 下午再去, "swing back this afternoon": later today, so today can be the promised day. */
  laterToday?: true;
}

type Reading = Pick<DateExpr, "visit" | "follow">;

const CNUM = "\\d{1,2}|[一二三四五六七八九十]{1,3}";
/** A weekday after 周/星期/礼拜: its name or, as texting writes it, its digit (周3). */
const ZH_WEEKDAY = `[${WEEKDAY_CHARS}1-7]`;
const n = (s: string) => (/^\d+$/.test(s) ? Number(s) : (parseChineseNumber(s) ?? NaN));

/** A day of a month: this month if it fits the reading, else the next (follow) or previous (visit). */
function monthDay(today: string, d: number): Reading {
  if (!(d >= 1 && d <= 31)) return { visit: null, follow: null };
  const fit = (month: string): string | null => {
    const { y, m } = dayParts(month);
    return d <= daysInMonth(y, m) ? dayOf(y, m, d) : null;
  };
  const here = fit(today);
  const follow = here && here > today ? here : fit(addMonths(today, 1, 1));
  const visit = here && here <= today ? here : fit(addMonths(today, -1, 1));
  return { visit, follow };
}

function yearDay(today: string, m: number, d: number): Reading {
  const { y } = dayParts(today);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return { visit: null, follow: null };
  const here = dayOf(y, m, d);
  const past = here <= today;
  return { visit: past ? here : dayOf(y - 1, m, d), follow: past ? dayOf(y + 1, m, d) : here };
}

const weekdayBoth = (today: string, wd: number): Reading => ({
  visit: lastWeekday(today, wd),
  follow: nextWeekday(today, wd),
});

function weekOf(today: string, wd: number, weeks: number): Reading {
  const day = weekdayInWeek(today, wd, weeks);
  return { visit: day <= today ? day : null, follow: day > today ? day : null };
}

const relative = (today: string, days: number): Reading =>
  days <= 0 ? { visit: addDays(today, days), follow: null } : { visit: null, follow: addDays(today, days) };

const lastOfMonth = (today: string): string => {
  const { y, m } = dayParts(today);
  return dayOf(y, m, daysInMonth(y, m));
};

/** A pattern and how to read its match; the groups named in the pattern are always there when it matches. */
type Rule = [RegExp, (g: string[], today: string) => (Reading & { needsVerb?: boolean; laterToday?: true }) | null];

/** Today, said of a time still to come: the visit's day, or a follow-up's. */
const laterToday = (today: string) => ({ visit: today, follow: today, laterToday: true as const });

/** The capture groups of a match, unmatched ones as "" (a rule's alternatives leave some empty). */
const groups = (m: RegExpMatchArray): string[] => m.map((x) => x ?? "");

/** A lunar day: the last one on or before today (a visit), the next one after it (a follow-up). */
function lunarDay(today: string, day: number, month: number | null): Reading {
  if (!(day >= 1 && day <= 30)) return { visit: null, follow: null };
  return { visit: lastLunarDay(today, day, month), follow: nextLunarDay(today, day, month) };
}

/** Festivals whose official holiday 节前/节后 can mean; the nearest to today is the one meant. */
const HOLIDAY_FESTIVALS: Festival[] = [
  "new_year",
  "spring",
  "qingming",
  "labour",
  "dragon_boat",
  "mid_autumn",
  "national",
];
/** 节后 said within this many days after a festival still means that festival. */
const JUST_PASSED = 10;

function nearestFestivalDay(today: string): string {
  const from = addDays(today, -JUST_PASSED);
  return HOLIDAY_FESTIVALS.map((f) => festivalAfter(f, from, true)).sort()[0] ?? today;
}

/** 春节后, 节前, 中秋之后: the first workday after the festival's holiday, or the last one before it. */
function aroundFestival(today: string, word: string, side: string): Reading {
  const festival = FESTIVAL_WORDS[word];
  const on = festival ? festivalAfter(festival, addDays(today, -JUST_PASSED), true) : nearestFestivalDay(today);
  // 腊八前后, 中秋左右: around the festival, its own day
  const around = side === "前后" || side === "左右";
  const day = around ? on : side.endsWith("前") ? lastWorkdayBefore(on) : firstWorkdayAfter(on);
  // 年前那批还剩六条: a visit is never dated by a festival's side, only a promise is.
  return { visit: null, follow: day > today ? day : null };
}

const FESTIVAL_RE = Object.keys(FESTIVAL_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const LUNAR_DAY_RE = "初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十|三十|十[一二三四五六七八九]?";

const ZH_RULES: Rule[] = [
  // Lunar dates: 正月十五, 腊月廿三, 八月初八 (a solar date is written with 日/号: 11月15号)
  [
    new RegExp(
      `(正|冬|腊)月(${LUNAR_DAY_RE})|(十[一二]|[一二三四五六七八九十])月(初[一二三四五六七八九十]|廿[一二三四五六七八九])`,
      "g",
    ),
    ([, m1, d1, m2, d2], t) => lunarDay(t, lunarDayNumber(d1 || d2 || ""), lunarMonthNumber(m1 || m2 || "")),
  ],
  [
    /(?<![月\d年])初([一二三四五六七八九十])(?![中级次步期始心])/g,
    ([, d = ""], t) => lunarDay(t, lunarDayNumber(`初${d}`), null),
  ],
  [
    new RegExp(`(${FESTIVAL_RE}|(?<![一二两三四五六七八九十\\d])年|节)(前后|左右|之前|以前|前|之后|以后|过后|后)`, "g"),
    ([, word = "", side = ""], t) => aroundFestival(t, word === "年" ? "春节" : word, side),
  ],
  [
    // (清明前 said on the day before it has no reading, and is not the festival itself)
    new RegExp(`(${FESTIVAL_RE})节?(?!之前|以前|前|之后|以后|过后|后|左右)`, "g"),
    ([, word = ""], t) => {
      const festival = FESTIVAL_WORDS[word];
      if (!festival) return null;
      return { visit: festivalBefore(festival, t), follow: festivalAfter(festival, t), needsVerb: true };
    },
  ],
  [new RegExp(`(${CNUM})月(${CNUM})[日号]`, "g"), ([, m = "", d = ""], t) => yearDay(t, n(m), n(d))],
  [
    new RegExp(`(下个?|这个?|本|上个?)月(${CNUM})[日号]`, "g"),
    ([, which = "", d = ""], t) => {
      const shift = which.startsWith("下") ? 1 : which.startsWith("上") ? -1 : 0;
      const day = addMonths(t, shift, n(d));
      return day > t ? { visit: null, follow: day } : { visit: day, follow: null };
    },
  ],
  [
    new RegExp(`(?<![月\\d第])(${CNUM})[号日](?![子])`, "g"),
    ([, d = ""], t) => ({ ...monthDay(t, n(d)), needsVerb: true }),
  ],
  // 摆了一下下周二再去: 一下 + 下周二, not 下下周二
  [new RegExp(`(?<!一)下下个?(?:${WEEK})(${ZH_WEEKDAY})`, "g"), ([, wd = ""], t) => weekOf(t, zhWeekday(wd), 2)],
  [
    new RegExp(`(下|这|本|上)个?(?:${WEEK})(${ZH_WEEKDAY})`, "g"),
    ([, which, wd = ""], t) => {
      const weeks = which === "下" ? 1 : which === "上" ? -1 : 0;
      return weekOf(t, zhWeekday(wd), weeks);
    },
  ],
  [
    new RegExp(`(?:${WEEK})(${ZH_WEEKDAY})`, "g"),
    ([, wd = ""], t) => ({ ...weekdayBoth(t, zhWeekday(wd)), needsVerb: true }),
  ],
  [new RegExp(`(?<!一)下下个?(?:${WEEK})`, "g"), (_g, t) => ({ visit: null, follow: weekdayInWeek(t, 1, 2) })],
  [new RegExp(`下个?(?:${WEEK})`, "g"), (_g, t) => ({ visit: null, follow: weekdayInWeek(t, 1, 1) })],
  [/下个?月/g, (_g, t) => ({ visit: null, follow: addMonths(t, 1, 1) })],
  [/月底|月末/g, (_g, t) => ({ visit: null, follow: lastOfMonth(t) })],
  // 月初再去 (said within the month): the start of next month, as 下个月
  [/(?<![上本这])月初/g, (_g, t) => ({ visit: null, follow: addMonths(t, 1, 1) })],
  // 过完年再去: as 年后, the first workday after the Spring Festival holiday
  [/过完年|过了年/g, (_g, t) => aroundFestival(t, "春节", "后")],
  [
    /(\d+|[一二两三四五六七八九十]+)\s*(天|周|个?星期|个?礼拜|个?月)(?:后|以后|之后)/g,
    ([, count = "", unit = ""], t) => {
      const k = /^\d+$/.test(count) ? Number(count) : parseChineseNumber(count);
      if (k === null) return null;
      if (unit.endsWith("月")) return { visit: null, follow: addMonths(t, k, dayParts(t).d) };
      return { visit: null, follow: addDays(t, unit === "天" ? k : 7 * k) };
    },
  ],
  [/大后天/g, (_g, t) => relative(t, 3)],
  [/(?<!大)后天/g, (_g, t) => relative(t, 2)],
  [/明天|明日|明早|明晚|明儿/g, (_g, t) => relative(t, 1)],
  // 隔天再去, 第二天给他送: the day after today (in a report, said of what comes next)
  [/隔天|隔日|次日|第二天/g, (_g, t) => relative(t, 1)],
  [/今天(?:下午|晚上|傍晚)|今晚/g, (_g, t) => laterToday(t)],
  [/今天|今日|今早|今儿/g, (_g, t) => relative(t, 0)],
  // 下午再过去一趟, 晚点再去 (not 明天下午, 周三下午: the day word before says the day)
  [
    /(?<![天日号一二三四五六七末])(?:下午|傍晚|晚上|晚点|待会儿?|等会儿?|一会儿?)(?=再|还|过去|去|来)/g,
    (_g, t) => laterToday(t),
  ],
  [/昨天|昨日|昨晚|昨儿/g, (_g, t) => relative(t, -1)],
  [/大前天/g, (_g, t) => relative(t, -3)],
  [/(?<!大)前天/g, (_g, t) => relative(t, -2)],
];

const WD_RE = `(${WEEKDAY_NAMES})`;
/** The ISO weekday of a word the weekday pattern matched (every alternative starts with its three letters). */
const enWd = (word: string): number => enWeekday(word) ?? NaN;

const EN_RULES: Rule[] = [
  [
    new RegExp(`\\b(${MONTH_PREFIXES})[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, "g"),
    ([, month = "", d], t) => yearDay(t, monthNumber(month) ?? NaN, Number(d)),
  ],
  [/(?<![\d/$.])\b(\d{1,2})\/(\d{1,2})\b(?![/\d])/g, ([, m, d], t) => yearDay(t, Number(m), Number(d))],
  // "monday the 21st": the day number says it
  [
    new RegExp(`\\b${WD_RE},?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b`, "g"),
    ([, , d], t) => ({ ...monthDay(t, Number(d)), needsVerb: true }),
  ],
  [/\bthe (\d{1,2})(?:st|nd|rd|th)\b/g, ([, d], t) => ({ ...monthDay(t, Number(d)), needsVerb: true })],
  // "the Monday after next", "week after next": two weeks on
  [new RegExp(`\\b(?:the\\s+)?${WD_RE}\\s+after\\s+next\\b`, "g"), ([, wd = ""], t) => weekOf(t, enWd(wd), 2)],
  [/\b(?:the\s+)?week after next\b/g, (_g, t) => ({ visit: null, follow: weekdayInWeek(t, 1, 2) })],
  [
    new RegExp(`\\b(next|nxt|this|last|coming)\\s+${WD_RE}\\b`, "g"),
    ([, which, wd = ""], t) => {
      const weeks = which === "next" || which === "nxt" ? 1 : which === "last" ? -1 : 0;
      if (which === "coming") return { visit: null, follow: nextWeekday(t, enWd(wd)) };
      return weekOf(t, enWd(wd), weeks);
    },
  ],
  [new RegExp(`\\b${WD_RE}\\b(?:'s)?`, "g"), ([, wd = ""], t) => ({ ...weekdayBoth(t, enWd(wd)), needsVerb: true })],
  // "next wk tue": that weekday of next week
  [new RegExp(`\\bn(?:e)?xt (?:week|wk)'?s? ${WD_RE}\\b`, "g"), ([, wd = ""], t) => weekOf(t, enWd(wd), 1)],
  [/\bn(?:e)?xt (?:week|wk)\b/g, (_g, t) => ({ visit: null, follow: weekdayInWeek(t, 1, 1) })],
  [/\bn(?:e)?xt (?:month|mo)\b/g, (_g, t) => ({ visit: null, follow: addMonths(t, 1, 1) })],
  [/\b(?:end of (?:the )?month|month end|eom)\b/g, (_g, t) => ({ visit: null, follow: lastOfMonth(t) })],
  // "f/u EOW": the week's last workday, while it is still to come
  [
    /\b(?:(?:by )?(?:the )?end of (?:the |this )?(?:week|wk)|eow)\b/g,
    (_g, t) => {
      const friday = weekdayInWeek(t, 5, 0);
      return { visit: null, follow: friday > t ? friday : null };
    },
  ],
  [
    new RegExp(
      `\\bin\\s+(\\d+|${EN_NUMBER_WORDS})\\s*(days?|weeks?|wks?|months?|mos?)\\b|\\b(\\d+|${EN_NUMBER_WORDS})\\s+(days?|weeks?|wks?)\\s+from\\s+(?:now|today)\\b`,
      "g",
    ),
    ([, inCount, inUnit, fromCount = "", fromUnit = ""], t) => {
      const k = parseEnglishNumber(inCount || fromCount);
      const unit = inUnit || fromUnit;
      if (k === null) return null;
      if (unit.startsWith("mo")) return { visit: null, follow: addMonths(t, k, dayParts(t).d) };
      return { visit: null, follow: addDays(t, unit.startsWith("w") ? 7 * k : k) };
    },
  ],
  [/\bday after tomorrow\b/g, (_g, t) => relative(t, 2)],
  [/\b(?:tomorrow|tmrw|tmr|tmw|tomorow|tommorow|tommorrow|2moro|2morrow|2mrw)\b/g, (_g, t) => relative(t, 1)],
  [/\b(?:tonight|this afternoon|this evening|this pm|later today|later on today)\b/g, (_g, t) => laterToday(t)],
  [/\b(?:today|this morning|this am)\b/g, (_g, t) => relative(t, 0)],
  [/\b(?:yesterday|yday|last night)\b/g, (_g, t) => relative(t, -1)],
];

/** Abbreviations that are also English words ("sat", "sun") count only when written like a day. */
function plausibleEnglish(original: string, said: string, at: number): boolean {
  const word = said.toLowerCase();
  if (!/^(?:sat|sun|wed|mon)\b/.test(word) || /^(?:saturday|sunday|wednesday|monday)/.test(word)) return true;
  const raw = original.slice(at, at + said.length);
  const after = original[at + said.length] ?? "";
  const before = original.slice(Math.max(0, at - 3), at).toLowerCase();
  // "back mon", "til wed": after a word that asks for a day
  const words = original.slice(Math.max(0, at - 6), at).toLowerCase();
  // "mon hit joes. tue heb": opening a report or one of its sentences
  const opens = /(?:^|[.;\n]\s*)$/.test(original.slice(0, at)) && after === " ";
  return (
    /^[A-Z]/.test(raw) ||
    /[.:]/.test(after) ||
    // "mon's", "sat's": a day's report (not "the sun's out")
    /^(?:mon|wed|sat)'s$/.test(word) ||
    // "bring a sample case mon": closing the line (not "c'mon")
    ((after === "" || after === "\n") && before.endsWith(" ")) ||
    before.endsWith("on ") ||
    /\b(?:back|til|till|until|by) $/.test(words) ||
    opens
  );
}

/** Date expressions in normalised text; `original` is the raw text (for capitalisation), `today` YYYY-MM-DD. */
export function findDates(text: string, original: string, today: string): DateExpr[] {
  const found: DateExpr[] = [];
  const overlaps = (s: number, e: number) => found.some((d) => s < d.end && d.start < e);
  for (const [rules, en] of [
    [ZH_RULES, false],
    [EN_RULES, true],
  ] as const) {
    for (const [re, read] of rules) {
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (overlaps(start, end)) continue;
        if (en && !plausibleEnglish(original, m[0], start)) continue;
        const r = read(groups(m), today);
        if (!r || (!r.visit && !r.follow)) continue;
        found.push({
          start,
          end,
          visit: r.visit,
          follow: r.follow,
          needsVerb: !!r.needsVerb,
          ...(r.laterToday ? { laterToday: r.laterToday } : {}),
        });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
