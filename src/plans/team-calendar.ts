/** Which days a team works: its ISO workdays and holiday list (no plan, nudge or digest on a day off). */
import { isoWeekday } from "../domain/calendar.js";
import type { Team } from "../generated/prisma/client.js";
import type { DayOff } from "./plan-types.js";

interface TeamCalendar {
  workdays: Set<number>;
  holidays: Set<string>;
}

/** Monday to Friday, no holidays: for people without a team. */
const DEFAULT_CALENDAR: TeamCalendar = { workdays: new Set([1, 2, 3, 4, 5]), holidays: new Set() };

export function calendarOf(team: Pick<Team, "workdays" | "holidays"> | null): TeamCalendar {
  if (!team) return DEFAULT_CALENDAR;
  const workdays = new Set(
    team.workdays
      .split(",")
      .map((d) => Number(d.trim()))
      .filter((d) => d >= 1 && d <= 7),
  );
  let holidays: string[] = [];
  try {
    const parsed: unknown = JSON.parse(team.holidays);
    if (Array.isArray(parsed)) holidays = parsed.filter((d): d is string => typeof d === "string");
  } catch {
    // A hand-edited holiday list that is not JSON must not stop the plans: treat it as empty.
  }
  return { workdays, holidays: new Set(holidays) };
}

export function dayOff(calendar: TeamCalendar, day: string): DayOff | null {
  if (calendar.holidays.has(day)) return "holiday";
  return calendar.workdays.has(isoWeekday(day)) ? null : "weekend";
}
