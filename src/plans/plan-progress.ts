/**
 * A day's plan against what happened: a visit logged that day to a planned shop ticks it off,
 * a skip (PlanSkip) sets it aside with its reason, anything else is still to do.
 * Read for many plans at once (a team's status) in two queries, not two per plan.
 */
import type { Db } from "../store/database.js";
import { skipsOnDays, visitsOnDays } from "./plan-queries.js";
import type { PlanProgress, VisitPlan } from "./plan-types.js";

export async function planProgress(db: Db, plan: VisitPlan): Promise<PlanProgress> {
  // plansProgress answers one progress per plan given.
  const [progress] = await plansProgress(db, [plan]);
  if (!progress) throw new Error(`no progress read for ${plan.personId} on ${plan.day}`);
  return progress;
}

export async function plansProgress(db: Db, plans: VisitPlan[]): Promise<PlanProgress[]> {
  if (plans.length === 0) return [];
  const people = [...new Set(plans.map((p) => p.personId))];
  const days = [...new Set(plans.map((p) => p.day))];
  const [visits, skips] = await Promise.all([visitsOnDays(db, people, days), skipsOnDays(db, people, days)]);
  return plans.map((plan) => {
    const own = visits.filter((v) => v.managerId === plan.personId && v.date === plan.day);
    const visited = new Set(own.map((v) => v.retailerId));
    const skipReasons = new Map(
      skips.filter((s) => s.personId === plan.personId && s.date === plan.day).map((s) => [s.retailerId, s.reason]),
    );
    const planned = new Set(plan.stops.map((s) => s.retailerId));
    const progress: PlanProgress = { plan, done: [], skipped: [], remaining: [], extra: [] };
    for (const stop of plan.stops) {
      const skipReason = skipReasons.get(stop.retailerId);
      // A visit counts even when the shop was skipped first: the manager went after all.
      if (visited.has(stop.retailerId)) progress.done.push(stop);
      else if (skipReason !== undefined) progress.skipped.push({ stop, reason: skipReason });
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
