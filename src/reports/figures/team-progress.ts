/**
 * planProgress (src/plans/plan-progress.ts) for a whole team at once: the same rules — a visit that
 * day ticks a planned shop off even after a skip, a skip sets it aside with its reason, other shops
 * visited are off-plan — read in three queries for every member and day instead of two per plan,
 * which on PostgreSQL is the difference between a quick answer and thirty round trips.
 * Belongs beside planProgress in the plans module once it settles; kept identical to it until then.
 */
import type { PlanProgress, VisitPlan } from "../../plans/index.js";
import type { Db } from "../../store/database.js";

export async function teamProgress(db: Db, plans: VisitPlan[]): Promise<PlanProgress[]> {
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
