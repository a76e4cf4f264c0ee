/**
 * The plans' reads and writes besides visit history (history-queries.ts): who is planned, their
 * teams and shops, the month's targets, product names, the day's visits and skips.
 */
import type { Team } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";

export interface PlannedPerson {
  id: string;
  name: string;
  team: string | null;
  startLat: number | null;
  startLng: number | null;
  dailyCapacity: number;
}

export interface PlanShop {
  id: string;
  managerId: string | null;
  name: string;
  segment: string;
  address: string;
  lat: number | null;
  lng: number | null;
}

/** The people, each starting the day's route where they last checked in that day, else at their start point. */
export async function plannedPeople(db: Db, ids: string[], day: string): Promise<PlannedPerson[]> {
  const [people, checkIns] = await Promise.all([
    db.person.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, team: true, startLat: true, startLng: true, dailyCapacity: true },
    }),
    db.checkIn.findMany({
      where: { personId: { in: ids }, day },
      orderBy: { at: "asc" },
      select: { personId: true, lat: true, lng: true },
    }),
  ]);
  const lastCheckIn = new Map(checkIns.map((c) => [c.personId, c]));
  return people.map((p) => {
    const at = lastCheckIn.get(p.id);
    return at ? { ...p, startLat: at.lat, startLng: at.lng } : p;
  });
}

export function teamsNamed(db: Db, names: string[]): Promise<Team[]> {
  return db.team.findMany({ where: { name: { in: names } } });
}

/** The managers' active shops, in id order. */
export function activeShopsOf(db: Db, managerIds: string[]): Promise<PlanShop[]> {
  return db.retailer.findMany({
    where: { managerId: { in: managerIds }, active: true },
    select: { id: true, managerId: true, name: true, segment: true, address: true, lat: true, lng: true },
    orderBy: { id: "asc" },
  });
}

/** The teams' cultivation targets of a month, in the order they were set. */
export function monthTargets(db: Db, teams: string[], month: string): Promise<{ team: string; sku: string }[]> {
  return db.cultivationTarget.findMany({
    where: { team: { in: teams }, month },
    orderBy: { id: "asc" },
    select: { team: true, sku: true },
  });
}

export function productNameRows(db: Db): Promise<{ sku: string; name: string }[]> {
  return db.product.findMany({ select: { sku: true, name: true } });
}

/** The people's active visits on the days, oldest first, with the shop's name. */
export function visitsOnDays(db: Db, people: string[], days: string[]) {
  return db.visit.findMany({
    where: { managerId: { in: people }, date: { in: days }, status: "active" },
    select: { managerId: true, date: true, retailerId: true, retailer: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export function skipsOnDays(db: Db, people: string[], days: string[]) {
  return db.planSkip.findMany({ where: { personId: { in: people }, date: { in: days } } });
}

/** Records a skip, or replaces its reason: one per person, shop and day. */
export async function upsertSkip(
  db: Db,
  skip: { personId: string; retailerId: string; day: string; reason: string },
): Promise<void> {
  const { personId, retailerId, day, reason } = skip;
  await db.planSkip.upsert({
    where: { personId_retailerId_date: { personId, retailerId, date: day } },
    create: { personId, retailerId, date: day, reason },
    update: { reason },
  });
}

export async function shopName(db: Db, retailerId: string): Promise<string | null> {
  return (await db.retailer.findUnique({ where: { id: retailerId }, select: { name: true } }))?.name ?? null;
}
