/**
 * Visits done against plan, from the plans module: each member's plan for each day of the period
 * (buildPlan) and its progress (the team-wide planProgress: visited, skipped, left, off-plan).
 *
 * Building a plan reads a manager's whole visit history (a few thousand rows), so a team's plans
 * cost far more than the rest of the answer. A plan only looks at visits before its day — "a plan
 * rebuilt in the evening is the morning's plan" — so plans are kept for a few minutes per database,
 * person and day. Progress is always read fresh: a visit logged a second ago counts at once; only a
 * visit back-dated to an earlier day can take up to PLAN_TTL_MS to change the planned list.
 * Periods longer than a week get no plan figures rather than a slow reply.
 */
import { buildPlan, createPlanCache, type PlanCache, type PlanProgress, type VisitPlan } from "../../plans/index.js";
import type { Db } from "../../store/database.js";
import { daysOf } from "../query/read-period.js";
import type { Period } from "../query/query-types.js";
import { plansProgress } from "../../plans/index.js";

export const MAX_PLAN_DAYS = 7;
export const PLAN_TTL_MS = 5 * 60_000;
const MAX_CACHED_PLANS = 20_000;

export interface MemberPlan {
  /** Planned stops on working days (days off plan nothing). */
  planned: number;
  /** Planned stops visited on their day. */
  done: number;
  skipped: number;
  /** Shops visited that were not on the day's plan. */
  extra: number;
  /** Each day's progress, for the detail answers. */
  days: PlanProgress[];
}

interface Cached {
  plan: Promise<VisitPlan>;
  expires: number;
}

const plansByDb = new WeakMap<Db, Map<string, Cached>>();

/** Forgets kept plans (tests and benchmarks that measure the cold path). */
export function forgetPlans(db: Db): void {
  plansByDb.delete(db);
}

/** Null when the period is too long to plan for; days after `today` are never planned. */
export async function planFigures(db: Db, memberIds: string[], period: Period, today: string, clock: () => number = Date.now): Promise<Map<string, MemberPlan> | null> {
  const days = daysOf(period).filter((d) => d <= today);
  if (days.length > MAX_PLAN_DAYS) return null;
  const cache = createPlanCache();
  const plansOf = async (id: string) => Promise.all(days.map((day) => keptPlan(db, id, day, cache, clock)));
  // The first member fills the shared lookups (rules, calendar, targets, product names); the rest then run together.
  const [first, ...rest] = memberIds;
  if (first === undefined) return new Map();
  const plans = [...(await plansOf(first)), ...(await Promise.all(rest.map(plansOf))).flat()];
  const figures = new Map<string, MemberPlan>(memberIds.map((id) => [id, { planned: 0, done: 0, skipped: 0, extra: 0, days: [] }]));
  for (const progress of await plansProgress(db, plans)) {
    const f = figures.get(progress.plan.personId)!;
    f.planned += progress.plan.stops.length;
    f.done += progress.done.length;
    f.skipped += progress.skipped.length;
    f.extra += progress.extra.length;
    f.days.push(progress);
  }
  return figures;
}

function keptPlan(db: Db, personId: string, day: string, cache: PlanCache, clock: () => number): Promise<VisitPlan> {
  let plans = plansByDb.get(db);
  if (!plans) plansByDb.set(db, (plans = new Map()));
  const key = `${personId}\u0000${day}`;
  const now = clock();
  const hit = plans.get(key);
  if (hit && hit.expires > now) return hit.plan;
  if (plans.size >= MAX_CACHED_PLANS) {
    for (const [k, v] of plans) if (v.expires <= now) plans.delete(k);
    if (plans.size >= MAX_CACHED_PLANS) plans.clear();
  }
  const plan = buildPlan(db, personId, day, cache);
  plans.set(key, { plan, expires: now + PLAN_TTL_MS });
  // A failed build is not kept: the next question tries again.
  plan.catch(() => plans.delete(key));
  return plan;
}
