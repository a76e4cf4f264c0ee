/** Wall-clock times of day ("07:30") in a time zone, and the cron expressions that fire at them. */

import { zoneFormatter } from "../domain/calendar.js";

const TIME_OF_DAY: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

/** The local time of day of an instant, "HH:MM". */
export function localTime(instant: Date, timeZone: string): string {
  return zoneFormatter("en-GB", TIME_OF_DAY, timeZone).format(instant);
}

class TimeOfDayError extends Error {
  readonly code = "TIME_OF_DAY";
}

/** "07:30" → { hour: 7, minute: 30 }; a bad value is a clear error naming it. */
function parseTimeOfDay(value: string): { hour: number; minute: number } {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new TimeOfDayError(`not a time of day: "${value}" (use HH:MM, e.g. 07:30)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** A cron expression firing at a time of day, optionally only on some ISO weekdays (Monday = 1). */
export function cronAt(time: string, isoWeekdays?: number[]): string {
  const { hour, minute } = parseTimeOfDay(time);
  const dow = isoWeekdays ? isoWeekdays.map((d) => d % 7).join(",") : "*";
  return `${minute} ${hour} * * ${dow}`;
}

/** "HH:MM" strings compare correctly as text once zero-padded. */
export function normaliseTime(time: string): string {
  const { hour, minute } = parseTimeOfDay(time);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
