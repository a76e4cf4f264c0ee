/** Calendar days in a person's own time zone, as YYYY-MM-DD strings (how visits and plans are keyed). */

const formatters = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/**
 * A date-time formatter for `options` (a module's constant) in a time zone, made once: making one
 * costs far more than using it, and the callers format once per message or per row.
 */
export function zoneFormatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  timeZone: string,
): Intl.DateTimeFormat {
  let byZone = formatters.get(options);
  if (!byZone) {
    byZone = new Map();
    formatters.set(options, byZone);
  }
  const key = `${locale}|${timeZone}`;
  let f = byZone.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    byZone.set(key, f);
  }
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

/** The local calendar day of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  return zoneFormatter("en-CA", DAY, timeZone).format(instant);
}

/** A day shifted by whole days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a day: Monday = 1 … Sunday = 7. */
export function isoWeekday(day: string): number {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/** A day from its numbers (month 1–12); no range check: callers that need one ask daysInMonth. */
export function dayOf(year: number, month: number, dayOfMonth: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}

/** Splits YYYY-MM-DD into numbers. */
export function dayParts(day: string): { y: number; m: number; d: number } {
  return { y: Number(day.slice(0, 4)), m: Number(day.slice(5, 7)), d: Number(day.slice(8, 10)) };
}

/** How many days a month (1–12) of a year has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day `dayOfMonth` of the month `months` away from `day`'s month, kept inside that month (31 → 30 in November). */
export function addMonths(day: string, months: number, dayOfMonth: number): string {
  const { y, m } = dayParts(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayOf(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/** Monday of the week holding `day` (weeks start on Monday), shifted by `weeks`. */
function mondayOf(day: string, weeks = 0): string {
  return addDays(day, 1 - isoWeekday(day) + 7 * weeks);
}

/** ISO weekday `weekday` (1–7) of the week `weeks` away from `day`'s week. */
export function weekdayInWeek(day: string, weekday: number, weeks: number): string {
  return addDays(mondayOf(day, weeks), weekday - 1);
}

/** The nearest `weekday` strictly after `day` (a promised follow-up: "back Tuesday"). */
export function nextWeekday(day: string, weekday: number): string {
  return addDays(day, (weekday - isoWeekday(day) + 7) % 7 || 7);
}

/** The latest `weekday` on or before `day` (a visit that happened: "Tuesday's visit"). */
export function lastWeekday(day: string, weekday: number): string {
  return addDays(day, -((isoWeekday(day) - weekday + 7) % 7));
}

/** The day of an ISO 8601 timestamp written with its zone's offset: its own date part is the local day. */
export function dayOfStamp(stamp: string): string {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(stamp);
  if (m) return m[0];
  const t = new Date(stamp);
  return dayOf(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const CLOCK: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
};

/** An instant as ISO 8601 with the zone's offset, e.g. 2026-11-25T17:40:00+08:00 (what the parser reads as `now`). */
export function isoInZone(instant: Date, timeZone: string): string {
  const t = Math.floor(instant.getTime() / 1000) * 1000;
  const offsetMs = zoneOffsetMs(t, timeZone);
  const local = new Date(t + offsetMs).toISOString().slice(0, 19);
  const offsetMinutes = Math.round(offsetMs / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Offsets by zone and quarter hour: zones change offset on quarter hours, and formatting the parts costs. */
const OFFSET_WINDOW_MS = 15 * 60_000;
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 1000;

/**
 * How far a zone's clock is ahead of UTC at `t` (whole seconds), in ms. Remembered for the quarter
 * hour around it when the zone's offset is the same at both of its ends (a change of offset inside
 * it, never seen in the zone database's current rules, is worked out each time).
 */
function zoneOffsetMs(t: number, timeZone: string): number {
  const window = Math.floor(t / OFFSET_WINDOW_MS);
  const key = `${timeZone}|${window}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = formattedOffsetMs(t, timeZone);
  const start = window * OFFSET_WINDOW_MS;
  const end = start + OFFSET_WINDOW_MS - 1000;
  if (formattedOffsetMs(start, timeZone) === offset && formattedOffsetMs(end, timeZone) === offset) {
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The zone's offset at `t` (whole seconds) as its clock shows it. */
function formattedOffsetMs(t: number, timeZone: string): number {
  const parts = Object.fromEntries(
    zoneFormatter("en-US", CLOCK, timeZone)
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  return Date.parse(`${local}Z`) - t;
}
