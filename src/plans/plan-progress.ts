/**
 * A day's plan against what happened: a visit logged that day to a planned shop ticks it off,
 * a skip (PlanSkip) sets it aside with its reason, anything else is still to do.
 * Read for many plans at once (a team's status) in two queries, not two per plan.
 */
import type { Db } from "../store/database.js";
import type { PlanProgress, VisitPlan } from "./plan-types.js";

export async function planProgress(db: Db, plan: VisitPlan): Promise<PlanProgress> {
  return (await plansProgress(db, [plan]))[0];
}

export async function plansProgress(db: Db, plans: VisitPlan[]): Promise<PlanProgress[]> {
  if (plans.length === 0) return [];
  const people = [...new Set(plans.map((p) => p.personId))];
  const days = [...new Set(plans.map((p) => p.day))];
  const [visits, skips] = await Promise.all([
    db.visit.findMany({
      where: { managerId: { in: people }, date: { in: days }, status: "active" },
      select: { managerId: true, date: true, retailerId: true, retailer: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.planSkip.findMany({ where: { personId: { in: people }, date: { in: days } } }),
  ]);
  return plans.map((plan) => {
    const own = visits.filter((v) => v.managerId === plan.personId && v.date === plan.day);
    const visited = new Set(own.map((v) => v.retailerId));
    const skipReasons = new Map(skips.filter((s) => s.personId === plan.personId && s.date === plan.day).map((s) => [s.retailerId, s.reason]));
    const planned = new Set(plan.stops.map((s) => s.retailerId));
    const progress: PlanProgress = { plan, done: [], skipped: [], remaining: [], extra: [] };
    for (const stop of plan.stops) {
      // A visit counts even when the shop was skipped first: the manager went after all.
      if (visited.has(stop.retailerId)) progress.done.push(stop);
      else if (skipReasons.has(stop.retailerId)) progress.skipped.push({ stop, reason: skipReasons.get(stop.retailerId)! });
      else progress.remaining.push(stop);
    }
    const seen = new Set<string>();
    for (const v of own) {
      if (planned.has(v.retailerId) || seen.has(v.retailerId)) continue;
      seen.add(v.retailerId);
      progress.extra.push({ retailerId: v.retailerId, name: v.retailer.name });
    }
    return progress;
  });
}
