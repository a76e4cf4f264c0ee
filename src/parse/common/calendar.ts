/** Calendar arithmetic on plain YYYY-MM-DD days (no time zones: `now` is already local). */

export interface Day {
  y: number;
  m: number; // 1..12
  d: number;
}

export function parseDay(iso: string): Day {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

export function formatDay(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

const toUtc = (day: Day) => Date.UTC(day.y, day.m - 1, day.d);
const fromUtc = (ms: number): Day => {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

export const addDays = (day: Day, n: number): Day => fromUtc(toUtc(day) + n * 86_400_000);

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  const w = new Date(toUtc(day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function compareDays(a: Day, b: Day): number {
  return toUtc(a) - toUtc(b);
}

/** Monday of the week holding `day`, shifted by `weeks`. */
export function mondayOf(day: Day, weeks = 0): Day {
  return addDays(day, 1 - isoWeekday(day) + 7 * weeks);
}

/** Weekday `wd` (1..7) of the week `weeks` away from `day`'s week. */
export function weekdayInWeek(day: Day, wd: number, weeks: number): Day {
  return addDays(mondayOf(day, weeks), wd - 1);
}

/** Nearest `wd` strictly after `day` (a promised follow-up). */
export function nextWeekday(day: Day, wd: number): Day {
  const diff = (wd - isoWeekday(day) + 7) % 7 || 7;
  return addDays(day, diff);
}

/** Latest `wd` on or before `day` (a visit that happened). */
export function lastWeekday(day: Day, wd: number): Day {
  const diff = (isoWeekday(day) - wd + 7) % 7;
  return addDays(day, -diff);
}

export function addMonths(day: Day, n: number, dayOfMonth: number): Day {
  const total = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(dayOfMonth, daysInMonth(y, m)) };
}

/** The local day of an ISO timestamp with offset: its own date part is the sender's day. */
export function localDayOf(nowIso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(nowIso);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const t = new Date(nowIso);
  return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() };
}
