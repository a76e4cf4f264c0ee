/**
 * Every database read and write of the scheduled pushes (the database rule: Prisma only in
 * `store/` and `*-queries.ts`): teams and their times, reminders, the people a push goes to, and
 * the day's visits the supervisors' digests count. The outbox itself is `store/outbox-store.ts`.
 */

import type { Role } from "../domain/roster.js";
import type { Reminder, Team } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";

/** A person a push goes to, as producers need them. */
export interface Recipient {
  id: string;
  name: string;
  lang: string;
  team: string | null;
}

const RECIPIENT = { id: true, name: true, lang: true, team: true } as const;

export function teamNamed(db: Db, name: string): Promise<Team | null> {
  return db.team.findUnique({ where: { name } });
}

export function allTeams(db: Db): Promise<Team[]> {
  return db.team.findMany({ orderBy: { name: "asc" } });
}

export async function teamNames(db: Db): Promise<string[]> {
  return (await db.team.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((t) => t.name);
}

/** The time zones active people live in: reminders run once in each. */
export async function activeZones(db: Db): Promise<string[]> {
  return (await db.person.findMany({ where: { active: true }, distinct: ["timezone"], select: { timezone: true } }))
    .map((p) => p.timezone)
    .sort();
}

/** A team's active people in one role, by id. */
export function activeMembers(db: Db, team: string, role: "manager" | "supervisor"): Promise<Recipient[]> {
  return db.person.findMany({ where: { team, role, active: true }, select: RECIPIENT, orderBy: { id: "asc" } });
}

/** The managers a supervisor looks after: their direct reports and their team's managers. */
export function managersOf(db: Db, supervisor: { id: string; team: string | null }): Promise<Recipient[]> {
  return db.person.findMany({
    where: {
      active: true,
      role: "manager",
      OR: [{ supervisorId: supervisor.id }, ...(supervisor.team ? [{ team: supervisor.team }] : [])],
    },
    select: RECIPIENT,
    orderBy: { id: "asc" },
  });
}

/** The active people of a team, a role or everyone, optionally only those in one time zone. */
export function activePeople(
  db: Db,
  filter: { team?: string; role?: Role; timezone?: string },
): Promise<{ id: string; lang: string; timezone: string }[]> {
  return db.person.findMany({
    where: { active: true, ...filter },
    select: { id: true, lang: true, timezone: true },
    orderBy: { id: "asc" },
  });
}

/** How many visits each of the people logged on a day (absent: none). */
export async function visitCountsOn(db: Db, personIds: string[], day: string): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.visit.groupBy({
    by: ["managerId"],
    where: { managerId: { in: personIds }, date: day, status: "active" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.managerId, r._count._all]));
}

/** The day's visits of several managers, oldest first: shop, red flag and the products out of stock. */
export function visitsOn(db: Db, personIds: string[], day: string) {
  return db.visit.findMany({
    where: { managerId: { in: [...new Set(personIds)] }, date: day, status: "active" },
    select: {
      managerId: true,
      compliance: true,
      complianceNote: true,
      retailer: { select: { name: true } },
      lines: { where: { kind: "out_of_stock" }, select: { sku: true }, orderBy: { id: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  });
}

export function activeReminders(db: Db): Promise<Reminder[]> {
  return db.reminder.findMany({ where: { active: true }, orderBy: { id: "asc" } });
}

export function reminderById(db: Db, id: number): Promise<Reminder | null> {
  return db.reminder.findUnique({ where: { id } });
}

export function createReminder(
  db: Db,
  data: { cron: string; audience: string; textZh: string; textEn: string; createdById: string | null },
): Promise<Reminder> {
  return db.reminder.create({ data });
}

/** Retires an active reminder; false when there was none with that id. */
export async function retireReminder(db: Db, id: number): Promise<boolean> {
  const { count } = await db.reminder.updateMany({ where: { id, active: true }, data: { active: false } });
  return count > 0;
}
