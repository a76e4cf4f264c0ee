/**
 * Which days a team works: its ISO workdays and holiday list (no plan, nudge or digest on a day off).
 * A team whose holiday list holds "official" follows the official Chinese schedule as well: no plan
 * on 春节 or 国庆, and a plan on a make-up Saturday (调休) even when Saturday is not one of its workdays.
 */
import { isoWeekday } from "../domain/calendar.js";
import { officialDay } from "../domain/chinese-calendar.js";
import type { Team } from "../generated/prisma/client.js";
import type { DayOff } from "./plan-types.js";

interface TeamCalendar {
  workdays: Set<number>;
  holidays: Set<string>;
  /** Follows the official holiday schedule and its make-up workdays. */
  official: boolean;
}

/** The entry of a team's holiday list that makes it follow the official schedule. */
export const OFFICIAL_SCHEDULE = "official";

/** Monday to Friday, no holidays: for people without a team. */
const DEFAULT_CALENDAR: TeamCalendar = { workdays: new Set([1, 2, 3, 4, 5]), holidays: new Set(), official: false };

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
  return { workdays, holidays: new Set(holidays), official: holidays.includes(OFFICIAL_SCHEDULE) };
}

export function dayOff(calendar: TeamCalendar, day: string): DayOff | null {
  if (calendar.holidays.has(day)) return "holiday";
  const official = calendar.official ? officialDay(day) : null;
  if (official === "holiday") return "holiday";
  if (official === "workday") return null;
  return calendar.workdays.has(isoWeekday(day)) ? null : "weekend";
}
