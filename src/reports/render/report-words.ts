/**
 * When, in the reports' words: a period as the asker would name it (今天, 本周, last week) and a
 * report time in the reader's zone. The wording itself is the catalogue's (locales/<lang>/reports.ts).
 */
import { addDays, isoWeekday, zoneFormatter } from "../../domain/calendar.js";
import type { Messages } from "../../locales/index.js";
import type { SaidPeriod } from "../../locales/messages/reports.js";
import type { Period } from "../query/query-types.js";

/** A period with how it relates to today: today, yesterday, this week, last week, this month. */
function saidPeriod(period: Period, today: string): SaidPeriod {
  if (period.kind === "day") {
    const relative = period.from === today ? "today" : period.from === addDays(today, -1) ? "yesterday" : null;
    return { kind: "day", day: period.from, relative };
  }
  const monday = addDays(today, 1 - isoWeekday(today));
  const relative =
    period.kind === "week"
      ? period.from === monday
        ? "thisWeek"
        : period.from === addDays(monday, -7)
          ? "lastWeek"
          : null
      : period.from === `${today.slice(0, 8)}01`
        ? "thisMonth"
        : null;
  return { kind: "span", from: period.from, to: period.to, relative };
}

/** 今天 11月25日（周三） / this week (Nov 23–25). */
export function periodWords(t: Messages, period: Period, today: string): string {
  return t.reports.period(saidPeriod(period, today));
}

const DAY_AND_CLOCK: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/** 17:32 on the day asked about, else 11月24日 17:32 / Nov 24 5:32 pm, in the reader's zone. */
export function timeWords(t: Messages, at: Date, timeZone: string, sameDay: string | null): string {
  const parts = Object.fromEntries(
    zoneFormatter("en-CA", DAY_AND_CLOCK, timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const clock = t.format.clock(Number(parts.hour), Number(parts.minute));
  return day === sameDay ? clock : `${t.format.shortDay(day)} ${clock}`;
}
