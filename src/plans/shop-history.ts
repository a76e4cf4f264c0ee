/**
 * The few facts a plan needs from a manager's visit history, in a handful of indexed queries
 * (no per-shop round trips: a year of history for 300 managers must plan in seconds).
 * Only visits before the planned day count, so a plan rebuilt in the evening is the morning's plan.
 *
 * Why only the latest visit of a shop matters for promises and problems: any later visit keeps an
 * earlier follow-up and reports the shop's current stock, so only the most recent visit can leave
 * one open.
 */
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";

export interface LatestVisit {
  id: string;
  retailerId: string;
  date: string;
  followUp: string | null;
  followUpDone: boolean;
  feedback: boolean;
  feedbackText: string | null;
}

/** Each shop of the manager's with its most recent active visit(s) before `before` (several on one day). */
export async function latestVisits(db: Db, managerId: string, before: string): Promise<Map<string, LatestVisit[]>> {
  const rows = await db.$queryRaw<LatestVisit[]>(Prisma.sql`
    SELECT v."id", v."retailerId", v."date", v."followUp", v."followUpDone", v."feedback", v."feedbackText"
    FROM "Visit" v
    JOIN (
      SELECT x."retailerId" AS rid, MAX(x."date") AS d
      FROM "Visit" x JOIN "Retailer" r ON r."id" = x."retailerId"
      WHERE r."managerId" = ${managerId} AND x."status" = 'active' AND x."date" < ${before}
      GROUP BY x."retailerId"
    ) m ON v."retailerId" = m.rid AND v."date" = m.d
    WHERE v."status" = 'active'`);
  const byShop = new Map<string, LatestVisit[]>();
  for (const row of rows) {
    // SQLite hands booleans back as 0/1.
    const visit = { ...row, followUpDone: Boolean(row.followUpDone), feedback: Boolean(row.feedback) };
    const list = byShop.get(visit.retailerId);
    if (list) list.push(visit);
    else byShop.set(visit.retailerId, [visit]);
  }
  return byShop;
}

/** SKUs reported out of stock, by visit. */
export async function outOfStockByVisit(db: Db, visitIds: string[]): Promise<Map<string, string[]>> {
  const byVisit = new Map<string, string[]>();
  if (visitIds.length === 0) return byVisit;
  const lines = await db.visitLine.findMany({
    where: { visitId: { in: visitIds }, kind: "out_of_stock" },
    select: { visitId: true, sku: true },
    orderBy: { id: "asc" },
  });
  for (const l of lines) byVisit.set(l.visitId, [...(byVisit.get(l.visitId) ?? []), l.sku]);
  return byVisit;
}

/** Which of `skus` each of the manager's shops has had on its shelf (listed, counted or ordered) before `before`. */
export async function listedSkus(db: Db, managerId: string, before: string, skus: string[]): Promise<Map<string, Set<string>>> {
  const byShop = new Map<string, Set<string>>();
  if (skus.length === 0) return byShop;
  const rows = await db.$queryRaw<{ retailerId: string; sku: string }[]>(Prisma.sql`
    SELECT DISTINCT v."retailerId", l."sku"
    FROM "Visit" v
    JOIN "Retailer" r ON r."id" = v."retailerId"
    JOIN "VisitLine" l ON l."visitId" = v."id"
    WHERE r."managerId" = ${managerId} AND v."status" = 'active' AND v."date" < ${before}
      AND l."kind" IN ('listed', 'stock', 'order') AND l."sku" IN (${Prisma.join(skus)})`);
  for (const { retailerId, sku } of rows) {
    const set = byShop.get(retailerId);
    if (set) set.add(sku);
    else byShop.set(retailerId, new Set([sku]));
  }
  return byShop;
}
