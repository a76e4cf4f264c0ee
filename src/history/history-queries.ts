/** What a shop's history answer reads: the shop with its manager, and the people who visited it. */
import type { Db } from "../store/database.js";

export function shopWithManager(db: Db, retailerId: string) {
  return db.retailer.findUnique({ where: { id: retailerId }, include: { manager: true } });
}

/** Names of people by id. */
export async function peopleNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((p) => [p.id, p.name]));
}
