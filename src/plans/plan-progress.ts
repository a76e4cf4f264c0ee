/**
 * A day's plan against what happened: a visit logged that day to a planned shop ticks it off,
 * a skip (PlanSkip) sets it aside with its reason, anything else is still to do.
 */
import type { Db } from "../store/database.js";
import type { PlanProgress, VisitPlan } from "./plan-types.js";

export async function planProgress(db: Db, plan: VisitPlan): Promise<PlanProgress> {
  const [visits, skips] = await Promise.all([
    db.visit.findMany({
      where: { managerId: plan.personId, date: plan.day, status: "active" },
      select: { retailerId: true, retailer: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.planSkip.findMany({ where: { personId: plan.personId, date: plan.day } }),
  ]);
  const visited = new Set(visits.map((v) => v.retailerId));
  const skipReasons = new Map(skips.map((s) => [s.retailerId, s.reason]));
  const planned = new Set(plan.stops.map((s) => s.retailerId));
  const progress: PlanProgress = { plan, done: [], skipped: [], remaining: [], extra: [] };
  for (const stop of plan.stops) {
    // A visit counts even when the shop was skipped first: the manager went after all.
    if (visited.has(stop.retailerId)) progress.done.push(stop);
    else if (skipReasons.has(stop.retailerId)) progress.skipped.push({ stop, reason: skipReasons.get(stop.retailerId)! });
    else progress.remaining.push(stop);
  }
  const seen = new Set<string>();
  for (const v of visits) {
    if (planned.has(v.retailerId) || seen.has(v.retailerId)) continue;
    seen.add(v.retailerId);
    progress.extra.push({ retailerId: v.retailerId, name: v.retailer.name });
  }
  return progress;
}
