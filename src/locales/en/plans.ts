/** Plans in English, the way a beverage rep talks: due, follow-up, out of stock, focus products. */
import { clip } from "../clip.js";
import type { PlanDay, PlanMessages } from "../messages/plans.js";
import { format } from "./format.js";
import { words } from "./words.js";

/** An owner's complaint quoted on a plan line: enough to recognise it. */
const FEEDBACK_QUOTE_CHARS = 48;

const label = ({ day, isToday }: PlanDay) => (isToday ? "today" : format.day(day));
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function frequency(everyDays: number): string {
  if (everyDays === 1) return "daily";
  if (everyDays === 7) return "weekly";
  if (everyDays === 30 || everyDays === 31) return "monthly";
  if (everyDays % 7 === 0) return `every ${everyDays / 7} weeks`;
  return `every ${everyDays} days`;
}

const rule = (segment: string, everyDays: number) => `${words.segment(segment)}, ${frequency(everyDays)}`;

export const plans: PlanMessages = {
  frequency,
  reason: {
    due: (segment, everyDays, overdue) =>
      `due (${rule(segment, everyDays)}${overdue > 0 ? `; ${format.count(overdue, "day")} overdue` : ""})`,
    neverVisited: (segment, everyDays) => `no visit on record (${rule(segment, everyDays)})`,
    promisedSomeday: (promisedOn) => `you said you'd come back (visit of ${format.shortDay(promisedOn)})`,
    promised: (promisedOn, forDay, late) =>
      `follow-up promised on ${format.shortDay(promisedOn)} for ${format.shortDay(forDay)}${late > 0 ? ` (${format.count(late, "day")} late)` : ""}`,
    stockOut: (products, reportedOn) =>
      `out of stock: ${format.list(products)} (reported ${format.shortDay(reportedOn)})`,
    feedback: (text) => `owner feedback to answer${text ? `: "${clip(text, FEEDBACK_QUOTE_CHARS)}"` : ""}`,
    target: (products) => `this month's focus products not on shelf: ${format.list(products)}`,
  },
  dayOff: (day, kind) =>
    `${capitalised(label(day))} is ${kind === "holiday" ? "a holiday" : "a day off"}: no visit plan.`,
  nothingDue: (day) => `Nothing is due or waiting for ${label(day)}: your day is free to plan.`,
  heading: (day, stops, km) =>
    `${day.isToday ? "Today's plan" : `Plan for ${label(day)}`}: ${format.count(stops, "shop")}${km > 0 ? `, route ${format.distance(km)}` : ""}:`,
  deferred: (n) =>
    `${n} ${n === 1 ? "more store is" : "more stores are"} due but over today's capacity; they move to the next plans.`,
  allHandled: (day, planned, skipped) =>
    `All ${planned} planned stores for ${label(day)} are handled${skipped ? ` (${skipped} skipped)` : ""}. Nice work!`,
  progress: (day, c) =>
    `${capitalised(label(day))}: ${c.planned} planned, ${c.done} done${c.skipped ? `, ${c.skipped} skipped` : ""}, ${c.left} to go:`,
  done: (shops) => `Done${format.colon}${format.list(shops)}`,
  skippedShops: (skips) =>
    `Skipped${format.colon}${format.list(skips.map((s) => (s.reason ? `${s.shop} (${s.reason})` : s.shop)))}`,
  offPlan: (shops) => `Off-plan visits${format.colon}${format.list(shops)}`,
  skipped: (shop, reason) =>
    `OK, skipping ${shop} today${reason ? ` (${reason})` : ""}. Noted; it will come back on a later plan.`,
};
