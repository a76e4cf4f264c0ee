/**
 * Visits done against plan, from the plans module: each member's plan for each day of the period
 * (buildPlans, the whole team's plans for a day at once) and its progress (the team-wide
 * plansProgress: visited, skipped, left, off-plan).
 *
 * Building a team's plans for a day reads every member's shops and the latest visit of each, which
 * still costs more than the rest of the answer together. A plan only looks at visits before its day
 * — "a plan rebuilt in the evening is the morning's plan" — so plans are kept for a few minutes per
 * database, person and day. Progress is always read fresh: a visit logged a second ago counts at
 * once; only a visit back-dated to an earlier day can take up to PLAN_TTL_MS to change the planned
 * list. Periods longer than a week get no plan figures rather than a slow reply.
 */
import {
  buildPlans,
  createPlanCache,
  type PlanCache,
  type PlanProgress,
  plansProgress,
  type VisitPlan,
} from "../../plans/index.js";
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import { daysOf } from "../query/read-period.js";

const MAX_PLAN_DAYS = 7;
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
export async function planFigures(
  db: Db,
  memberIds: string[],
  period: Period,
  today: string,
  clock: () => number = Date.now,
): Promise<Map<string, MemberPlan> | null> {
  const days = daysOf(period).filter((d) => d <= today);
  if (days.length > MAX_PLAN_DAYS) return null;
  if (memberIds.length === 0) return new Map();
  const cache = createPlanCache();
  // The first day fills the shared lookups (rules, teams, targets, product names); the other days then run together.
  const [first, ...rest] = days;
  const plans: VisitPlan[] = first === undefined ? [] : await keptPlans(db, memberIds, first, cache, clock);
  for (const more of await Promise.all(rest.map((day) => keptPlans(db, memberIds, day, cache, clock))))
    plans.push(...more);
  const figures = new Map<string, MemberPlan>(
    memberIds.map((id) => [id, { planned: 0, done: 0, skipped: 0, extra: 0, days: [] }]),
  );
  for (const progress of await plansProgress(db, plans)) {
    const f = figures.get(progress.plan.personId);
    if (!f) continue;
    f.planned += progress.plan.stops.length;
    f.done += progress.done.length;
    f.skipped += progress.skipped.length;
    f.extra += progress.extra.length;
    f.days.push(progress);
  }
  return figures;
}

/** The members' plans for a day, in order: kept ones as they are, the others built together in one batch. */
function keptPlans(
  db: Db,
  personIds: string[],
  day: string,
  cache: PlanCache,
  clock: () => number,
): Promise<VisitPlan[]> {
  const kept = plansByDb.get(db) ?? new Map<string, Cached>();
  plansByDb.set(db, kept);
  const key = (id: string) => `${id}\u0000${day}`;
  const now = clock();
  const found = new Map<string, Promise<VisitPlan>>();
  for (const id of personIds) {
    const hit = kept.get(key(id));
    if (hit && hit.expires > now) found.set(id, hit.plan);
  }
  const missing = [...new Set(personIds.filter((id) => !found.has(id)))];
  if (missing.length > 0) {
    if (kept.size + missing.length > MAX_CACHED_PLANS) {
      for (const [k, v] of kept) if (v.expires <= now) kept.delete(k);
      if (kept.size + missing.length > MAX_CACHED_PLANS) kept.clear();
    }
    const built = buildPlans(db, missing, day, cache);
    missing.forEach((id, i) => {
      // buildPlans answers every id given, in order.
      const plan = built.then((all) => all[i] ?? Promise.reject(new Error(`no plan built for ${id} on ${day}`)));
      const entry: Cached = { plan, expires: now + PLAN_TTL_MS };
      kept.set(key(id), entry);
      found.set(id, entry.plan);
      // A failed build is not kept: the next question tries again.
      entry.plan.catch(() => kept.get(key(id)) === entry && kept.delete(key(id)));
    });
  }
  // Every id is found by now: kept, or built above.
  return Promise.all(personIds.map((id) => found.get(id) ?? Promise.reject(new Error(`no plan for ${id} on ${day}`))));
}
