/**
 * Builds managers' visit plans for a day: every shop with a reason to be visited, the most urgent
 * up to the person's daily capacity, in a short route order. One person or a whole team, one way:
 * a team's plans read their shops and history together.
 */
import type { Team } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import type { PlanStop, ProductRef, VisitPlan } from "./plan-types.js";
import { haversineKm, orderRoute, type Point } from "./route.js";
import { latestVisits, listedSkus, type LatestVisit } from "./shop-history.js";
import { assessShop } from "./shop-reasons.js";
import { calendarOf, dayOff } from "./team-calendar.js";
import { loadVisitRules, type VisitRules } from "./visit-rules.js";

export const DEFAULT_DAILY_CAPACITY = 25;

export class PlanError extends Error {
  constructor(
    readonly code: "PLAN_UNKNOWN_PERSON" | "PLAN_BAD_DAY",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Lookups shared by many plans (rules, teams, the month's targets, product names): pass one cache
 * when planning a whole team or company so they are read once.
 */
export interface PlanCache {
  rules?: VisitRules;
  teams: Map<string, Team | null>;
  targets: Map<string, string[]>;
  productNames?: Map<string, string>;
}

export function createPlanCache(): PlanCache {
  return { teams: new Map(), targets: new Map() };
}

/** One person's plan: `buildPlans` for one. */
export async function buildPlan(db: Db, personId: string, day: string, cache: PlanCache = createPlanCache()): Promise<VisitPlan> {
  return (await buildPlans(db, [personId], day, cache))[0];
}

/** People planned together: bounds the rows held at once and the values bound per statement. */
const PEOPLE_PER_BATCH = 100;

/**
 * Plans for several people on one day, in the order given: each is the plan `buildPlan` makes for
 * that person, but everybody's shops and history are read together, in a handful of queries.
 */
export async function buildPlans(db: Db, personIds: string[], day: string, cache: PlanCache = createPlanCache()): Promise<VisitPlan[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw new PlanError("PLAN_BAD_DAY", `not a day: ${day} (use YYYY-MM-DD)`);
  const plans: VisitPlan[] = [];
  for (let i = 0; i < personIds.length; i += PEOPLE_PER_BATCH) plans.push(...(await planBatch(db, personIds.slice(i, i + PEOPLE_PER_BATCH), day, cache)));
  return plans;
}

type Planned = { id: string; name: string; team: string | null; startLat: number | null; startLng: number | null; dailyCapacity: number };
type Shop = { id: string; managerId: string | null; name: string; segment: string; address: string; lat: number | null; lng: number | null };

async function planBatch(db: Db, personIds: string[], day: string, cache: PlanCache): Promise<VisitPlan[]> {
  if (personIds.length === 0) return [];
  const people = await db.person.findMany({
    where: { id: { in: [...new Set(personIds)] } },
    select: { id: true, name: true, team: true, startLat: true, startLng: true, dailyCapacity: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const unknown = personIds.find((id) => !byId.has(id));
  if (unknown !== undefined) throw new PlanError("PLAN_UNKNOWN_PERSON", `unknown person ${unknown}`);

  await loadTeams(db, people.flatMap((p) => (p.team ? [p.team] : [])), cache);
  const offOf = (p: Planned) => dayOff(calendarOf(p.team ? (cache.teams.get(p.team) ?? null) : null), day);
  const working = people.filter((p) => !offOf(p));
  const month = day.slice(0, 7);
  const workingIds = working.map((p) => p.id);
  const [shops, latest, rules] = await Promise.all([
    workingIds.length === 0
      ? Promise.resolve([])
      : db.retailer.findMany({
          where: { managerId: { in: workingIds }, active: true },
          select: { id: true, managerId: true, name: true, segment: true, address: true, lat: true, lng: true },
          orderBy: { id: "asc" },
        }),
    latestVisits(db, workingIds, day),
    workingIds.length === 0 || cache.rules ? Promise.resolve(cache.rules) : loadVisitRules(db).then((r) => (cache.rules = r)),
    loadTargets(db, working.flatMap((p) => (p.team ? [p.team] : [])), month, cache),
  ]);
  const shopsOf = new Map<string, Shop[]>();
  for (const shop of shops) {
    const list = shopsOf.get(shop.managerId!);
    if (list) list.push(shop);
    else shopsOf.set(shop.managerId!, [shop]);
  }
  const targetsOf = (p: Planned) => (p.team ? cache.targets.get(`${p.team}\u0000${month}`)! : []);
  // Only people with shops need history, names and listings, as each plan alone would read them.
  const stocked = working.filter((p) => shopsOf.has(p.id));
  const withTargets = stocked.filter((p) => targetsOf(p).length > 0);
  const [listed, names] = await Promise.all([
    listedSkus(db, withTargets.map((p) => p.id), day, [...new Set(withTargets.flatMap(targetsOf))]),
    stocked.length === 0 ? Promise.resolve(new Map<string, string>()) : productNames(db, cache),
  ]);

  return personIds.map((id) => {
    const person = byId.get(id)!;
    const capacity = person.dailyCapacity > 0 ? person.dailyCapacity : DEFAULT_DAILY_CAPACITY;
    const empty: VisitPlan = { personId: id, personName: person.name, day, dayOff: offOf(person), capacity, stops: [], deferred: [], start: null, totalKm: 0 };
    const own = shopsOf.get(id);
    if (empty.dayOff || !own) return empty;
    return planOf(empty, person, own, { day, month, rules: rules!, targets: targetsOf(person), latest, listed, names });
  });
}

interface History {
  day: string;
  month: string;
  rules: VisitRules;
  targets: string[];
  latest: Map<string, LatestVisit[]>;
  listed: Map<string, Set<string>>;
  names: Map<string, string>;
}

/** One working person's plan from the facts read for the batch: the most urgent shops up to capacity, routed. */
function planOf(empty: VisitPlan, person: Planned, shops: Shop[], h: History): VisitPlan {
  const { day, month, rules, targets, latest, listed, names } = h;
  const capacity = empty.capacity;
  const ref = (sku: string): ProductRef => ({ sku, name: names.get(sku) ?? sku });

  const candidates = shops
    .map((shop) => {
      const visits = latest.get(shop.id) ?? [];
      const oos = [...new Set(visits.flatMap((v) => v.outOfStock))];
      const have = listed.get(shop.id);
      const assessment = assessShop({
        day,
        month,
        segment: shop.segment,
        everyDays: rules(shop.segment),
        latest: visits,
        outOfStock: oos.map(ref),
        unlistedTargets: targets.filter((sku) => !have?.has(sku)).map(ref),
      });
      return { shop, lastVisit: visits[0]?.date ?? null, ...assessment };
    })
    .filter((c) => c.urgency > 0)
    .sort((a, b) => b.urgency - a.urgency || a.shop.id.localeCompare(b.shop.id));

  const chosen = candidates.slice(0, capacity);
  const deferred = candidates.slice(capacity).map((c) => ({ retailerId: c.shop.id, name: c.shop.name, urgency: c.urgency }));
  const personStart = person.startLat != null && person.startLng != null ? { lat: person.startLat, lng: person.startLng } : null;
  const { ordered, start } = route(chosen, personStart);

  let at: Point | null = start;
  let totalKm = 0;
  const stops: PlanStop[] = ordered.map((c, i) => {
    const here = c.shop.lat != null && c.shop.lng != null ? { lat: c.shop.lat, lng: c.shop.lng } : null;
    const legKm = here && at ? haversineKm(at, here) : null;
    if (legKm != null) totalKm += legKm;
    if (here) at = here;
    return {
      order: i + 1,
      retailerId: c.shop.id,
      name: c.shop.name,
      segment: c.shop.segment,
      address: c.shop.address,
      lat: c.shop.lat,
      lng: c.shop.lng,
      lastVisit: c.lastVisit,
      urgency: c.urgency,
      reasons: c.reasons,
      legKm: legKm == null ? null : Math.round(legKm * 10) / 10,
    };
  });
  return {
    ...empty,
    stops,
    deferred,
    start: start ? { ...start, from: personStart ? "person" : "first_stop" } : null,
    totalKm: Math.round(totalKm * 10) / 10,
  };
}

interface Located {
  shop: { lat: number | null; lng: number | null };
}

/** Route order: shops with coordinates by nearest neighbour + 2-opt, the rest after them by urgency. */
function route<T extends Located>(chosen: T[], personStart: Point | null): { ordered: T[]; start: Point | null } {
  const located = chosen.filter((c) => c.shop.lat != null && c.shop.lng != null);
  const unlocated = chosen.filter((c) => c.shop.lat == null || c.shop.lng == null);
  const pointOf = (c: T): Point => ({ lat: c.shop.lat!, lng: c.shop.lng! });
  if (located.length === 0) return { ordered: chosen, start: personStart };
  if (personStart) {
    const order = orderRoute(personStart, located.map(pointOf));
    return { ordered: [...order.map((i) => located[i]), ...unlocated], start: personStart };
  }
  // No start point on file: begin at the most urgent shop (candidates arrive most urgent first).
  const [first, ...rest] = located;
  const order = orderRoute(pointOf(first), rest.map(pointOf));
  return { ordered: [first, ...order.map((i) => rest[i]), ...unlocated], start: pointOf(first) };
}

/** Fills the cache with the teams it does not hold yet (null for a name with no team row). */
async function loadTeams(db: Db, names: string[], cache: PlanCache): Promise<void> {
  const missing = [...new Set(names)].filter((n) => !cache.teams.has(n));
  if (missing.length === 0) return;
  const found = new Map((await db.team.findMany({ where: { name: { in: missing } } })).map((t) => [t.name, t]));
  for (const name of missing) cache.teams.set(name, found.get(name) ?? null);
}

/** Fills the cache with the month's cultivation targets of the teams it does not hold yet. */
async function loadTargets(db: Db, teams: string[], month: string, cache: PlanCache): Promise<void> {
  const key = (team: string) => `${team}\u0000${month}`;
  const missing = [...new Set(teams)].filter((t) => !cache.targets.has(key(t)));
  if (missing.length === 0) return;
  const rows = await db.cultivationTarget.findMany({ where: { team: { in: missing }, month }, orderBy: { id: "asc" }, select: { team: true, sku: true } });
  for (const team of missing) cache.targets.set(key(team), []);
  for (const { team, sku } of rows) cache.targets.get(key(team))!.push(sku);
}

/** Product names by SKU, read once per cache. */
export async function productNames(db: Db, cache: PlanCache): Promise<Map<string, string>> {
  cache.productNames ??= new Map((await db.product.findMany({ select: { sku: true, name: true } })).map((p) => [p.sku, p.name]));
  return cache.productNames;
}
