/** How English replies write days, lists, counts and quantities. */
import { isoWeekday } from "../../domain/calendar.js";
import type { Unit } from "../../domain/records.js";
import { dayParts, type Formatter, type Noun, percentOf } from "../format.js";

const WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const UNITS: Record<Unit, [string, string]> = {
  carton: ["carton", "cartons"],
  pack: ["pack", "packs"],
  case: ["case", "cases"],
  unit: ["unit", "units"],
};
const NOUNS: Record<Noun, [string, string]> = {
  shop: ["store", "stores"],
  visit: ["visit", "visits"],
  person: ["person", "people"],
  manager: ["rep", "reps"],
  record: ["record", "records"],
  day: ["day", "days"],
  redFlag: ["red flag", "red flags"],
  stockOut: ["stock-out", "stock-outs"],
  promotion: ["promotion", "promotions"],
  consumer: ["consumer", "consumers"],
  photo: ["photo", "photos"],
};

const plural = (n: number, [one, many]: [string, string]) => (n === 1 ? one : many);
const month = (m: number) => MONTHS[m - 1] ?? String(m);
const shortDay = (day: string) => {
  const { m, d } = dayParts(day);
  return `${month(m)} ${d}`;
};

export const format: Formatter = {
  shortDay,
  day: (day) => `${WEEKDAYS[isoWeekday(day)]}, ${shortDay(day)}`,
  weekday: (n) => WEEKDAYS[n] ?? "",
  span(from, to) {
    if (from === to) return shortDay(from);
    const a = dayParts(from);
    const b = dayParts(to);
    return a.m === b.m ? `${month(a.m)} ${a.d}–${b.d}` : `${month(a.m)} ${a.d} – ${month(b.m)} ${b.d}`;
  },
  clock: (hour, minute) => `${hour % 12 || 12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "am" : "pm"}`,
  list: (items) => items.join(", "),
  clauses: (items) => items.join("; "),
  count: (n, noun) => `${n} ${plural(n, NOUNS[noun])}`,
  quantity: (qty, unit) => `${qty} ${plural(qty, UNITS[unit])}`,
  unitName: (unit, qty = 2) => plural(qty, UNITS[unit]),
  minutes(minutes) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `${h ? `${h} h ` : ""}${m ? `${m} min` : ""}`.trim() || "0 min";
  },
  percent: percentOf,
  distance: (km) => `about ${km.toFixed(1)} km (${(km * 0.621371).toFixed(1)} mi)`,
  quote: (text) => `"${text}"`,
  colon: ": ",
};
