/** One manager's day as a supervisor sees it: plan kept, visits, stock-outs and red flags. */
import { buildPlans, type PlanCache, productNames } from "../../plans/build-plan.js";
import { plansProgress } from "../../plans/plan-progress.js";
import type { Db } from "../../store/database.js";
import { visitsOn } from "../schedule-queries.js";

export interface MemberDay {
  personId: string;
  name: string;
  planned: number;
  done: number;
  skipped: number;
  /** Shops visited that were not on the plan. */
  extra: number;
  visits: number;
  stockOuts: { shop: string; products: string[] }[];
  redFlags: { shop: string; note: string | null }[];
}

/** Several managers' days, in order: their plans built together and their visits read in one query. */
export async function membersDay(
  db: Db,
  people: { id: string; name: string }[],
  day: string,
  cache: PlanCache,
): Promise<MemberDay[]> {
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const progress = await plansProgress(db, await buildPlans(db, ids, day, cache));
  const visits = await visitsOn(db, ids, day);
  const names = await productNames(db, cache);
  return people.map((person, i) => {
    const own = visits.filter((v) => v.managerId === person.id);
    const kept = progress[i];
    return {
      personId: person.id,
      name: person.name,
      planned: kept?.plan.stops.length ?? 0,
      done: kept?.done.length ?? 0,
      skipped: kept?.skipped.length ?? 0,
      extra: kept?.extra.length ?? 0,
      visits: own.length,
      stockOuts: own
        .filter((v) => v.lines.length)
        .map((v) => ({ shop: v.retailer.name, products: v.lines.map((l) => names.get(l.sku) ?? l.sku) })),
      redFlags: own.filter((v) => v.compliance).map((v) => ({ shop: v.retailer.name, note: v.complianceNote })),
    };
  });
}
