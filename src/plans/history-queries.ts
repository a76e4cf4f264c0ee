/**
 * The plans' reads of visit history: the few facts plans need from managers' visits, in a handful
 * of indexed queries for any number of managers (no per-shop or per-manager round trips: a team's
 * plans are read together).
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
  /** SKUs the visit reported out of stock, in the order they were recorded. */
  outOfStock: string[];
}

/**
 * Each shop of the managers' with its most recent active visit(s) before `before` (several on one
 * day), each with the SKUs it reported out of stock.
 */
export async function latestVisits(db: Db, managerIds: string[], before: string): Promise<Map<string, LatestVisit[]>> {
  const byShop = new Map<string, LatestVisit[]>();
  if (managerIds.length === 0) return byShop;
  // Each shop's latest date by a backward walk of its (retailerId, date) index that stops at the first
  // active visit, not a MAX over its whole history: the walk reads a row or two per shop, the MAX all of them.
  const rows = await db.$queryRaw<
    (Omit<LatestVisit, "outOfStock"> & { lineId: number | null; sku: string | null })[]
  >(Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT r."id" AS rid, (
        SELECT x."date" FROM "Visit" x
        WHERE x."retailerId" = r."id" AND x."status" = 'active' AND x."date" < ${before}
        ORDER BY x."date" DESC LIMIT 1
      ) AS d
      FROM "Retailer" r
      WHERE r."managerId" IN (${Prisma.join(managerIds)})
    )
    SELECT v."id", v."retailerId", v."date", v."followUp", v."followUpDone", v."feedback", v."feedbackText", l."id" AS "lineId", l."sku"
    FROM m JOIN "Visit" v ON v."retailerId" = m.rid AND v."date" = m.d
    LEFT JOIN "VisitLine" l ON l."visitId" = v."id" AND l."kind" = 'out_of_stock'
    WHERE v."status" = 'active'`);
  const visits = new Map<string, { visit: LatestVisit; lines: { id: number; sku: string }[] }>();
  for (const { lineId, sku, ...row } of rows) {
    let found = visits.get(row.id);
    if (!found) {
      // SQLite hands booleans back as 0/1.
      const visit = {
        ...row,
        followUpDone: Boolean(row.followUpDone),
        feedback: Boolean(row.feedback),
        outOfStock: [],
      };
      found = { visit, lines: [] };
      visits.set(visit.id, found);
      const list = byShop.get(visit.retailerId);
      if (list) list.push(visit);
      else byShop.set(visit.retailerId, [visit]);
    }
    if (lineId != null && sku != null) found.lines.push({ id: Number(lineId), sku });
  }
  // Lines in the order they were recorded, whatever order the join returned them in.
  for (const { visit, lines } of visits.values())
    visit.outOfStock = lines.sort((a, b) => a.id - b.id).map((l) => l.sku);
  return byShop;
}

/** Which of `skus` each of the managers' shops has had on its shelf (listed, counted or ordered) before `before`. */
export async function listedSkus(
  db: Db,
  managerIds: string[],
  before: string,
  skus: string[],
): Promise<Map<string, Set<string>>> {
  const byShop = new Map<string, Set<string>>();
  if (managerIds.length === 0 || skus.length === 0) return byShop;
  const rows = await db.$queryRaw<{ retailerId: string; sku: string }[]>(Prisma.sql`
    SELECT DISTINCT v."retailerId", l."sku"
    FROM "Visit" v
    JOIN "Retailer" r ON r."id" = v."retailerId"
    JOIN "VisitLine" l ON l."visitId" = v."id"
    WHERE r."managerId" IN (${Prisma.join(managerIds)}) AND v."status" = 'active' AND v."date" < ${before}
      AND l."kind" IN ('listed', 'stock', 'order') AND l."sku" IN (${Prisma.join(skus)})`);
  for (const { retailerId, sku } of rows) {
    const set = byShop.get(retailerId);
    if (set) set.add(sku);
    else byShop.set(retailerId, new Set([sku]));
  }
  return byShop;
}
