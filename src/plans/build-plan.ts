/**
 * Builds a manager's visit plan for a day: every shop with a reason to be visited, the most urgent
 * up to the person's daily capacity, in a short route order.
 */
import type { Team } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import type { PlanStop, ProductRef, VisitPlan } from "./plan-types.js";
import { haversineKm, orderRoute, type Point } from "./route.js";
import { latestVisits, listedSkus, outOfStockByVisit } from "./shop-history.js";
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

export async function buildPlan(db: Db, personId: string, day: string, cache: PlanCache = createPlanCache()): Promise<VisitPlan> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw new PlanError("PLAN_BAD_DAY", `not a day: ${day} (use YYYY-MM-DD)`);
  const person = await db.person.findUnique({
    where: { id: personId },
    select: { id: true, name: true, team: true, startLat: true, startLng: true, dailyCapacity: true },
  });
  if (!person) throw new PlanError("PLAN_UNKNOWN_PERSON", `unknown person ${personId}`);
  const capacity = person.dailyCapacity > 0 ? person.dailyCapacity : DEFAULT_DAILY_CAPACITY;
  const empty: VisitPlan = { personId, personName: person.name, day, dayOff: null, capacity, stops: [], deferred: [], start: null, totalKm: 0 };

  const team = person.team ? await teamOf(db, person.team, cache) : null;
  const off = dayOff(calendarOf(team), day);
  if (off) return { ...empty, dayOff: off };

  const month = day.slice(0, 7);
  const [shops, latest, rules, targets] = await Promise.all([
    db.retailer.findMany({
      where: { managerId: personId, active: true },
      select: { id: true, name: true, segment: true, address: true, lat: true, lng: true },
      orderBy: { id: "asc" },
    }),
    latestVisits(db, personId, day),
    cache.rules ? Promise.resolve(cache.rules) : loadVisitRules(db).then((r) => (cache.rules = r)),
    person.team ? targetsOf(db, person.team, month, cache) : Promise.resolve([]),
  ]);
  if (shops.length === 0) return empty;
  const latestIds = [...latest.values()].flat().map((v) => v.id);
  const [outOfStock, listed, names] = await Promise.all([
    outOfStockByVisit(db, latestIds),
    listedSkus(db, personId, day, targets),
    productNames(db, cache),
  ]);
  const ref = (sku: string): ProductRef => ({ sku, name: names.get(sku) ?? sku });

  const candidates = shops
    .map((shop) => {
      const visits = latest.get(shop.id) ?? [];
      const oos = [...new Set(visits.flatMap((v) => outOfStock.get(v.id) ?? []))];
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

async function teamOf(db: Db, name: string, cache: PlanCache): Promise<Team | null> {
  if (!cache.teams.has(name)) cache.teams.set(name, await db.team.findUnique({ where: { name } }));
  return cache.teams.get(name) ?? null;
}

async function targetsOf(db: Db, team: string, month: string, cache: PlanCache): Promise<string[]> {
  const key = `${team}\u0000${month}`;
  let skus = cache.targets.get(key);
  if (!skus) {
    skus = (await db.cultivationTarget.findMany({ where: { team, month }, orderBy: { id: "asc" }, select: { sku: true } })).map((t) => t.sku);
    cache.targets.set(key, skus);
  }
  return skus;
}

/** Product names by SKU, read once per cache. */
export async function productNames(db: Db, cache: PlanCache): Promise<Map<string, string>> {
  cache.productNames ??= new Map((await db.product.findMany({ select: { sku: true, name: true } })).map((p) => [p.sku, p.name]));
  return cache.productNames;
}
