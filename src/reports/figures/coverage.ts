/**
 * Coverage against the visit-frequency rules (分类拜访): of the shops the rules required in the
 * period — due at some point in it, going by the last visit before it and the segment's rhythm,
 * or never visited — how many were visited. Visited shops that were not yet due count as visited
 * but not as covered-when-due, so a busy week at easy shops does not hide the overdue ones.
 * One query (figure-queries.ts: per shop, two index lookups on Visit(retailerId, date)) and the rules.
 */
import { addDays } from "../../domain/calendar.js";
import { loadVisitRules } from "../../plans/index.js";
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import { type CoverageShop, coverageShops } from "./figure-queries.js";

export interface SegmentCoverage {
  segment: string;
  everyDays: number;
  shops: number;
  /** Shops the rules required in the period. */
  due: number;
  /** Of those, visited in the period. */
  dueVisited: number;
  /** All shops visited in the period, due or not. */
  visited: number;
  /** Due and not visited: the list a supervisor acts on. */
  missed: CoverageShop[];
}

export async function coverage(db: Db, memberIds: string[], period: Period): Promise<SegmentCoverage[]> {
  if (memberIds.length === 0) return [];
  const [shops, rules] = await Promise.all([coverageShops(db, memberIds, period), loadVisitRules(db)]);
  const bySegment = new Map<string, SegmentCoverage>();
  for (const shop of shops) {
    const everyDays = rules(shop.segment);
    let s = bySegment.get(shop.segment);
    if (!s) {
      s = { segment: shop.segment, everyDays, shops: 0, due: 0, dueVisited: 0, visited: 0, missed: [] };
      bySegment.set(shop.segment, s);
    }
    s.shops++;
    const visited = shop.visitsInPeriod > 0;
    if (visited) s.visited++;
    const dueOn = shop.lastBefore ? addDays(shop.lastBefore, everyDays) : period.from;
    if (dueOn <= period.to) {
      s.due++;
      if (visited) s.dueVisited++;
      else s.missed.push(shop);
    }
  }
  return [...bySegment.values()].sort((a, b) => a.everyDays - b.everyDays || a.segment.localeCompare(b.segment));
}
