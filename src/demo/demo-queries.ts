/** What the demo history reads from the freshly loaded demo organisation, and how it writes a visit. */
import type { Prisma } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";

export function managersInOrder(db: Db) {
  return db.person.findMany({ where: { role: "manager" }, orderBy: { id: "asc" } });
}

export function productsInOrder(db: Db) {
  return db.product.findMany({ orderBy: { sku: "asc" } });
}

export function shopsOf(db: Db, managerId: string) {
  return db.retailer.findMany({ where: { managerId }, orderBy: { id: "asc" } });
}

export async function insertVisit(db: Db, visit: Prisma.VisitUncheckedCreateInput): Promise<void> {
  await db.visit.create({ data: visit });
}
