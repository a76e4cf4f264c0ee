/**
 * The Chinese calendar the teams plan by: lunar dates (初八, 正月十五), the festivals (春节, 元宵,
 * 清明, 五一, 端午, 中秋, 国庆) and the official holiday schedule with its make-up workdays (调休).
 * Lunar dates come from lunar-typescript, not from Node's Intl: ICU's Chinese calendar puts
 * Spring Festival 2027 on 7 February, a day late (it is 6 February). The official schedule comes
 * from chinese-days (the State Council's yearly notice); a year it does not hold yet falls back
 * to plain weekends.
 */
import chineseDays from "chinese-days";
import { Lunar, Solar } from "lunar-typescript";
import { addDays, dayOf, dayParts, isoWeekday } from "./calendar.js";

export type Festival =
  | "spring"
  | "lantern"
  | "qingming"
  | "dragon_boat"
  | "mid_autumn"
  | "national"
  | "labour"
  | "new_year"
  | "laba"
  | "little_new_year"
  | "new_years_eve";

/** Lunar month and day of each lunar festival. */
const LUNAR_FESTIVALS: Partial<Record<Festival, [number, number]>> = {
  // 小年: 腊月廿三 as the north keeps it (the south keeps 廿四), in the 腊月 before that lunar year's 春节
  little_new_year: [12, 23],
  // 腊八: 腊月初八, when year-end stocking starts
  laba: [12, 8],
  spring: [1, 1],
  lantern: [1, 15],
  dragon_boat: [5, 5],
  mid_autumn: [8, 15],
};

const solarOf = (day: string) => {
  const { y, m, d } = dayParts(day);
  return Solar.fromYmd(y, m, d);
};

/** The day of a festival in the lunar (for 春节…) or solar (清明, 国庆, 元旦) year `year`. */
function festivalIn(festival: Festival, year: number): string {
  // 除夕: the day before 春节 (腊月 has 29 days in some years, so not 腊月三十)
  if (festival === "new_years_eve") return addDays(festivalIn("spring", year), -1);
  const lunar = LUNAR_FESTIVALS[festival];
  if (lunar) return Lunar.fromYmd(year, lunar[0], lunar[1]).getSolar().toYmd();
  if (festival === "qingming") {
    const term = Lunar.fromYmd(year, 3, 1).getJieQiTable().清明;
    return term ? term.toYmd() : dayOf(year, 4, 5);
  }
  if (festival === "national") return dayOf(year, 10, 1);
  return festival === "labour" ? dayOf(year, 5, 1) : dayOf(year, 1, 1);
}

/** The festival's day nearest after `day` (or on it, with `orToday`). */
export function festivalAfter(festival: Festival, day: string, orToday = false): string {
  const { y } = dayParts(day);
  for (const year of [y - 1, y, y + 1]) {
    const on = festivalIn(festival, year);
    if (on > day || (orToday && on === day)) return on;
  }
  return festivalIn(festival, y + 2);
}

/** The festival's day nearest before `day` (or on it). */
export function festivalBefore(festival: Festival, day: string): string {
  const { y } = dayParts(day);
  for (const year of [y + 1, y, y - 1]) {
    const on = festivalIn(festival, year);
    if (on <= day) return on;
  }
  return festivalIn(festival, y - 2);
}

/**
 * The next day after `day` that is lunar day `lunarDay` (初八 = 8), of lunar month `lunarMonth`
 * when given (正月十五: 1, 15); `lunarDay` 30 in a month of 29 days is that month's last day.
 */
export function nextLunarDay(day: string, lunarDay: number, lunarMonth: number | null): string | null {
  // Walk the days: at most 13 lunar months ahead, a few hundred cheap steps.
  for (let i = 1, at = addDays(day, 1); i <= 400; i++, at = addDays(at, 1)) {
    const lunar = solarOf(at).getLunar();
    const month = Math.abs(lunar.getMonth());
    if (lunarMonth !== null && (month !== lunarMonth || lunar.getMonth() < 0)) continue;
    const next = solarOf(addDays(at, 1)).getLunar();
    const lastOfMonth = next.getDay() === 1;
    if (lunar.getDay() === lunarDay || (lunarDay === 30 && lastOfMonth && lunar.getDay() === 29)) return at;
  }
  return null;
}

/** The previous day on or before `day` that is lunar day `lunarDay` (of `lunarMonth` when given). */
export function lastLunarDay(day: string, lunarDay: number, lunarMonth: number | null): string | null {
  for (let i = 0, at = day; i <= 400; i++, at = addDays(at, -1)) {
    const lunar = solarOf(at).getLunar();
    if (lunarMonth !== null && (Math.abs(lunar.getMonth()) !== lunarMonth || lunar.getMonth() < 0)) continue;
    if (lunar.getDay() === lunarDay) return at;
  }
  return null;
}

/** How the official schedule treats a day: a public holiday, a make-up workday (调休), or as usual. */
export function officialDay(day: string): "holiday" | "workday" | null {
  const detail = chineseDays.getDayDetail(day);
  // A festival's entry names it ("Spring Festival,春节,4"); an ordinary day only its weekday.
  const festival = detail.name.includes(",");
  if (!festival) return null;
  if (!detail.work) return "holiday";
  return isoWeekday(day) >= 6 ? "workday" : null;
}

/** The first workday after the official holiday that holds (or follows) `festivalDay`: 节后, 春节后. */
export function firstWorkdayAfter(festivalDay: string): string {
  let at = addDays(festivalDay, 1);
  while (isDayOff(at)) at = addDays(at, 1);
  return at;
}

/** The last workday before the official holiday that holds `festivalDay`: 节前. */
export function lastWorkdayBefore(festivalDay: string): string {
  let at = addDays(festivalDay, -1);
  while (isDayOff(at)) at = addDays(at, -1);
  return at;
}

/** A day no one works on the official schedule (a holiday, or a weekend that is not a make-up workday). */
function isDayOff(day: string): boolean {
  const official = officialDay(day);
  if (official) return official === "holiday";
  return isoWeekday(day) >= 6;
}
