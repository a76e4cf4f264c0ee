/**
 * Visit frequency by shop segment (分类拜访). Admins override the defaults with VisitRule rows;
 * a segment with neither a row nor a default falls back to the standard shops' frequency.
 */
import type { Db } from "../store/database.js";
import { deleteVisitRule, upsertVisitRule, visitRuleRows } from "./rule-queries.js";

/** Standard shops' rhythm: every four weeks. Also the rhythm of a segment nobody set. */
const STANDARD_EVERY_DAYS = 28;
/** The longest rhythm an admin may set: once a year. */
const MAX_EVERY_DAYS = 365;

/** The defaults from the field: brand stores weekly, premium every two weeks, the rest every four. */
export const DEFAULT_VISIT_RULES: Readonly<Record<string, number>> = {
  brand_store: 7,
  premium_store: 14,
  standard: STANDARD_EVERY_DAYS,
  rural: STANDARD_EVERY_DAYS,
};

export class VisitRuleError extends Error {
  readonly code = "VISIT_RULE";
}

export type VisitRules = (segment: string) => number;

/** The frequency lookup in force: stored rules over the defaults. */
export async function loadVisitRules(db: Db): Promise<VisitRules> {
  const stored = new Map((await visitRuleRows(db)).map((r) => [r.segment, r.everyDays]));
  return (segment) =>
    stored.get(segment) ?? DEFAULT_VISIT_RULES[segment] ?? stored.get("standard") ?? STANDARD_EVERY_DAYS;
}

/** Every segment with its frequency and where it comes from, for `cli rules list`. */
export async function listVisitRules(
  db: Db,
): Promise<{ segment: string; everyDays: number; source: "rule" | "default" }[]> {
  const rows: { segment: string; everyDays: number; source: "rule" | "default" }[] = (await visitRuleRows(db)).map(
    (r) => ({
      ...r,
      source: "rule",
    }),
  );
  for (const [segment, everyDays] of Object.entries(DEFAULT_VISIT_RULES)) {
    if (!rows.some((r) => r.segment === segment)) rows.push({ segment, everyDays, source: "default" });
  }
  return rows.sort((a, b) => a.segment.localeCompare(b.segment));
}

export async function setVisitRule(db: Db, segment: string, everyDays: number): Promise<void> {
  if (!/^[a-z][a-z0-9_]*$/.test(segment))
    throw new VisitRuleError(`segment must look like brand_store (got "${segment}")`);
  if (!Number.isInteger(everyDays) || everyDays < 1 || everyDays > MAX_EVERY_DAYS) {
    throw new VisitRuleError(`--every must be a whole number of days from 1 to ${MAX_EVERY_DAYS} (got ${everyDays})`);
  }
  await upsertVisitRule(db, segment, everyDays);
}

/** Drops an override so the default applies again; false when there was none. */
export function resetVisitRule(db: Db, segment: string): Promise<boolean> {
  return deleteVisitRule(db, segment);
}
