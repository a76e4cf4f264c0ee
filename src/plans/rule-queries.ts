/** The admin's planning settings in the database: visit frequencies per shop class and monthly cultivation targets. */
import type { Db } from "../store/database.js";
import type { Target } from "./targets.js";

export function visitRuleRows(db: Db): Promise<{ segment: string; everyDays: number }[]> {
  return db.visitRule.findMany({ orderBy: { segment: "asc" }, select: { segment: true, everyDays: true } });
}

export async function upsertVisitRule(db: Db, segment: string, everyDays: number): Promise<void> {
  await db.visitRule.upsert({ where: { segment }, create: { segment, everyDays }, update: { everyDays } });
}

/** False when there was no rule to delete. */
export async function deleteVisitRule(db: Db, segment: string): Promise<boolean> {
  return (await db.visitRule.deleteMany({ where: { segment } })).count > 0;
}

export async function teamExists(db: Db, name: string): Promise<boolean> {
  return (await db.team.findUnique({ where: { name }, select: { name: true } })) !== null;
}

export async function productExists(db: Db, sku: string): Promise<boolean> {
  return (await db.product.findUnique({ where: { sku }, select: { sku: true } })) !== null;
}

export async function targetExists(db: Db, target: Target): Promise<boolean> {
  return (await db.cultivationTarget.findUnique({ where: { team_month_sku: target }, select: { id: true } })) !== null;
}

export async function insertTarget(db: Db, target: Target): Promise<void> {
  await db.cultivationTarget.create({ data: target });
}

/** False when there was no such target. */
export async function deleteTarget(db: Db, target: Target): Promise<boolean> {
  return (await db.cultivationTarget.deleteMany({ where: target })).count > 0;
}

export function findTargets(db: Db, filter: { team?: string; month?: string }): Promise<Target[]> {
  return db.cultivationTarget.findMany({
    where: filter,
    orderBy: [{ month: "asc" }, { team: "asc" }, { sku: "asc" }],
    select: { team: true, month: true, sku: true },
  });
}
