/** What the demo history reads from the freshly loaded demo organisation, and how it writes a visit. */
import type { Prisma } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import { auditSeededVisit } from "../store/record-store.js";

export function managersInOrder(db: Db) {
  return db.person.findMany({ where: { role: "manager" }, orderBy: { id: "asc" } });
}

export function productsInOrder(db: Db) {
  return db.product.findMany({ orderBy: { sku: "asc" } });
}

export function shopsOf(db: Db, managerId: string) {
  return db.retailer.findMany({ where: { managerId }, orderBy: { id: "asc" } });
}

/** Writes a seeded visit with its creation in the audit trail, as a reported one would have. */
export async function insertVisit(db: Db, visit: Prisma.VisitUncheckedCreateInput & { id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.visit.create({ data: visit });
    await auditSeededVisit(tx, visit.id, visit.managerId);
  });
}
