/**
 * Builds managers' visit plans for a day: every shop with a reason to be visited, the most urgent
 * up to the person's daily capacity, in a short route order. One person or a whole team, one way:
 * a team's plans read their shops and history together.
 */
import type { Team } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import { type LatestVisit, latestVisits, listedSkus } from "./history-queries.js";
import {
  activeShopsOf,
  monthTargets,
  type PlannedPerson,
  type PlanShop,
  plannedPeople,
  productNameRows,
  teamsNamed,
} from "./plan-queries.js";
import type { PlanStop, ProductRef, VisitPlan } from "./plan-types.js";
import { haversineKm, orderRoute, type Point } from "./route.js";
import { assessShop } from "./shop-reasons.js";
import { calendarOf, dayOff } from "./team-calendar.js";
import { loadVisitRules, type VisitRules } from "./visit-rules.js";

const DEFAULT_DAILY_CAPACITY = 25;

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
export async function buildPlan(
  db: Db,
  personId: string,
  day: string,
  cache: PlanCache = createPlanCache(),
): Promise<VisitPlan> {
  // buildPlans answers one plan per id asked, or throws.
  const [plan] = await buildPlans(db, [personId], day, cache);
  if (!plan) throw new Error(`no plan built for ${personId} on ${day}`);
  return plan;
}

/** People planned together: bounds the rows held at once and the values bound per statement. */
const PEOPLE_PER_BATCH = 100;

/**
 * Plans for several people on one day, in the order given: each is the plan `buildPlan` makes for
 * that person, but everybody's shops and history are read together, in a handful of queries.
 */
export async function buildPlans(
  db: Db,
  personIds: string[],
  day: string,
  cache: PlanCache = createPlanCache(),
): Promise<VisitPlan[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
    throw new PlanError("PLAN_BAD_DAY", `not a day: ${day} (use YYYY-MM-DD)`);
  const plans: VisitPlan[] = [];
  for (let i = 0; i < personIds.length; i += PEOPLE_PER_BATCH)
    plans.push(...(await planBatch(db, personIds.slice(i, i + PEOPLE_PER_BATCH), day, cache)));
  return plans;
}

async function planBatch(db: Db, personIds: string[], day: string, cache: PlanCache): Promise<VisitPlan[]> {
  if (personIds.length === 0) return [];
  const people = await plannedPeople(db, [...new Set(personIds)], day);
  const byId = new Map(people.map((p) => [p.id, p]));
  const asked = personIds.map((id) => {
    const person = byId.get(id);
    if (!person) throw new PlanError("PLAN_UNKNOWN_PERSON", `unknown person ${id}`);
    return person;
  });

  await loadTeams(
    db,
    people.flatMap((p) => (p.team ? [p.team] : [])),
    cache,
  );
  const offOf = (p: PlannedPerson) => dayOff(calendarOf(p.team ? (cache.teams.get(p.team) ?? null) : null), day);
  const working = people.filter((p) => !offOf(p));
  const month = day.slice(0, 7);
  const workingIds = working.map((p) => p.id);
  const [shops, latest, rules] = await Promise.all([
    workingIds.length === 0 ? Promise.resolve([]) : activeShopsOf(db, workingIds),
    latestVisits(db, workingIds, day),
    workingIds.length === 0 || cache.rules
      ? Promise.resolve(cache.rules)
      : loadVisitRules(db).then((r) => (cache.rules = r)),
    loadTargets(
      db,
      working.flatMap((p) => (p.team ? [p.team] : [])),
      month,
      cache,
    ),
  ]);
  const shopsOf = new Map<string, PlanShop[]>();
  for (const shop of shops) {
    // Read by manager, so every shop has one.
    if (shop.managerId === null) continue;
    const list = shopsOf.get(shop.managerId);
    if (list) list.push(shop);
    else shopsOf.set(shop.managerId, [shop]);
  }
  const targetsOf = (p: PlannedPerson) => (p.team ? (cache.targets.get(targetKey(p.team, month)) ?? []) : []);
  // Only people with shops need history, names and listings, as each plan alone would read them.
  const stocked = working.filter((p) => shopsOf.has(p.id));
  const withTargets = stocked.filter((p) => targetsOf(p).length > 0);
  const [listed, names] = await Promise.all([
    listedSkus(
      db,
      withTargets.map((p) => p.id),
      day,
      [...new Set(withTargets.flatMap(targetsOf))],
    ),
    stocked.length === 0 ? Promise.resolve(new Map<string, string>()) : productNames(db, cache),
  ]);

  return asked.map((person) => {
    const id = person.id;
    const capacity = person.dailyCapacity > 0 ? person.dailyCapacity : DEFAULT_DAILY_CAPACITY;
    const empty: VisitPlan = {
      personId: id,
      personName: person.name,
      day,
      dayOff: offOf(person),
      capacity,
      stops: [],
      deferred: [],
      start: null,
      totalKm: 0,
    };
    const own = shopsOf.get(id);
    if (empty.dayOff || !own) return empty;
    // Someone with shops works today, so the rules were read.
    if (!rules) throw new Error("visit rules were not read for a working day");
    return planOf(empty, person, own, { day, month, rules, targets: targetsOf(person), latest, listed, names });
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
function planOf(empty: VisitPlan, person: PlannedPerson, shops: PlanShop[], h: History): VisitPlan {
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
  const deferred = candidates
    .slice(capacity)
    .map((c) => ({ retailerId: c.shop.id, name: c.shop.name, urgency: c.urgency }));
  const personStart =
    person.startLat != null && person.startLng != null ? { lat: person.startLat, lng: person.startLng } : null;
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
  const located: { item: T; point: Point }[] = [];
  const unlocated: T[] = [];
  for (const c of chosen) {
    if (c.shop.lat != null && c.shop.lng != null)
      located.push({ item: c, point: { lat: c.shop.lat, lng: c.shop.lng } });
    else unlocated.push(c);
  }
  // orderRoute answers a permutation of the indexes it was given.
  const inOrder = (stops: typeof located, order: number[]) =>
    order.map((i) => {
      const stop = stops[i];
      if (!stop) throw new Error(`route order names stop ${i} of ${stops.length}`);
      return stop.item;
    });
  if (personStart) {
    if (located.length === 0) return { ordered: chosen, start: personStart };
    const order = orderRoute(
      personStart,
      located.map((l) => l.point),
    );
    return { ordered: [...inOrder(located, order), ...unlocated], start: personStart };
  }
  // No start point on file: begin at the most urgent shop (candidates arrive most urgent first).
  const [first, ...rest] = located;
  if (!first) return { ordered: chosen, start: null };
  const order = orderRoute(
    first.point,
    rest.map((l) => l.point),
  );
  return { ordered: [first.item, ...inOrder(rest, order), ...unlocated], start: first.point };
}

/** Fills the cache with the teams it does not hold yet (null for a name with no team row). */
async function loadTeams(db: Db, names: string[], cache: PlanCache): Promise<void> {
  const missing = [...new Set(names)].filter((n) => !cache.teams.has(n));
  if (missing.length === 0) return;
  const found = new Map((await teamsNamed(db, missing)).map((t) => [t.name, t]));
  for (const name of missing) cache.teams.set(name, found.get(name) ?? null);
}

/** Fills the cache with the month's cultivation targets of the teams it does not hold yet. */
async function loadTargets(db: Db, teams: string[], month: string, cache: PlanCache): Promise<void> {
  const missing = [...new Set(teams)].filter((t) => !cache.targets.has(targetKey(t, month)));
  if (missing.length === 0) return;
  const found = new Map<string, string[]>(missing.map((team) => [targetKey(team, month), []]));
  for (const { team, sku } of await monthTargets(db, missing, month)) found.get(targetKey(team, month))?.push(sku);
  for (const [key, skus] of found) cache.targets.set(key, skus);
}

/** The cache key of a team's targets in a month. */
function targetKey(team: string, month: string): string {
  return `${team}\u0000${month}`;
}

/** Product names by SKU, read once per cache. */
export async function productNames(db: Db, cache: PlanCache): Promise<Map<string, string>> {
  cache.productNames ??= new Map((await productNameRows(db)).map((p) => [p.sku, p.name]));
  return cache.productNames;
}
