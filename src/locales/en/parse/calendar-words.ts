/**
 * How English messages name weekdays and months: "Tue", "tues", "Thursday", "Nov 20", "december 3".
 * The one table every reader of English dates uses (the date extractor, the cue tables, status
 * questions). Writing days in replies is the Formatter's job (en/format.ts).
 */

/** ISO weekday (Monday 1 … Sunday 7) by the first three letters of its name. */
const WEEKDAYS: Readonly<Record<string, number>> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** Every way a weekday is written, full or abbreviated, as the body of a regex group. */
export const WEEKDAY_NAMES =
  "mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";

/** Month number (1–12) by the first three letters of its name. */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** The three-letter weekday and month prefixes as regex alternations. */
export const WEEKDAY_PREFIXES = Object.keys(WEEKDAYS).join("|");
export const MONTH_PREFIXES = Object.keys(MONTHS).join("|");

/** The ISO weekday of a weekday word ("tues" → 2), or undefined for another word. */
export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS[word.slice(0, 3)];
}

/** The month number of a month word ("Nov", "november" → 11), or undefined for another word. */
export function monthNumber(word: string): number | undefined {
  return MONTHS[word.slice(0, 3)];
}
