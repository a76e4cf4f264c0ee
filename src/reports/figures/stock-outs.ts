/**
 * Stock-outs reported across the members in a period, one row per shop and product, newest report
 * first, with the visit that reported it. A later visit to the same shop that counted the product
 * in stock marks it restocked, so "哪些店断软中华" does not send anyone to a shop already supplied.
 */
import { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import { num } from "./raw-values.js";

export interface StockOut {
  visitId: string;
  date: string;
  managerId: string;
  retailerId: string;
  shopName: string;
  sku: string;
  /** A later visit in the period found the product on the shelf again. */
  restocked: boolean;
}

export async function stockOuts(db: Db, memberIds: string[], period: Period, skus: string[]): Promise<StockOut[]> {
  if (memberIds.length === 0) return [];
  const bySku = skus.length ? Prisma.sql`AND l."sku" IN (${Prisma.join(skus)})` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<StockOut, "restocked"> & { restocked: unknown })[]>(Prisma.sql`
    SELECT v."id" AS "visitId", v."date" AS "date", v."managerId" AS "managerId", v."retailerId" AS "retailerId",
           r."name" AS "shopName", l."sku" AS "sku",
           (SELECT COUNT(*) FROM "Visit" w JOIN "VisitLine" k ON k."visitId" = w."id"
             WHERE w."retailerId" = v."retailerId" AND w."status" = 'active' AND w."date" > v."date" AND w."date" <= ${period.to}
               AND k."sku" = l."sku" AND k."kind" IN ('stock', 'listed')) AS "restocked"
    FROM "Visit" v
    JOIN "VisitLine" l ON l."visitId" = v."id"
    JOIN "Retailer" r ON r."id" = v."retailerId"
    WHERE v."managerId" IN (${Prisma.join(memberIds)}) AND v."date" >= ${period.from} AND v."date" <= ${period.to}
      AND v."status" = 'active' AND l."kind" = 'out_of_stock' ${bySku}
    ORDER BY v."date" DESC, r."name", l."sku"`);
  // One row per shop and product: the latest report stands for the earlier ones.
  const seen = new Set<string>();
  const out: StockOut[] = [];
  for (const row of rows) {
    const key = `${row.retailerId}\u0000${row.sku}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...row, restocked: num(row.restocked) > 0 });
  }
  return out;
}
