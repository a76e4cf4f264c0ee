/**
 * Every database read behind the report figures (the database rule: Prisma only in `store/` and
 * `*-queries.ts`). Each read is bounded by the members and the period and aggregates in SQL over
 * the (managerId, date) and (retailerId, date) indexes, so a year of history never leaves the
 * database; the figure modules beside this one turn the rows into figures.
 */
import { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import { date, num } from "./raw-values.js";

export interface VisitLineRecord {
  kind: string;
  sku: string;
  qty: number | null;
  unit: string | null;
}

/** A visit behind a figure, for "明细", red flags and the export. */
export interface VisitRecord {
  id: string;
  date: string;
  managerId: string;
  managerName: string;
  retailerId: string;
  shopName: string;
  segment: string;
  activities: string[];
  lines: VisitLineRecord[];
  followUp: string | null;
  feedback: boolean;
  feedbackText: string | null;
  compliance: boolean;
  complianceNote: string | null;
  /** When the manager sent the report (the inbound message), else when it was stored. */
  reportedAt: Date;
}

export interface VisitFilter {
  onlyRedFlags?: boolean;
  /** At most this many, oldest first; the caller says how many more there were. */
  take?: number;
}

/** A promotion behind a summary: where, what, how many consumers, what sold. */
export interface PromotionRecord {
  id: string;
  date: string;
  managerId: string;
  managerName: string;
  format: string;
  consumers: number | null;
  durationMinutes: number | null;
  shopNames: string[];
  skus: string[];
  sales: VisitLineRecord[];
}

/** One part of a member's totals as the database sums it: visits (v), stock-out lines (l), promotions (p). */
export interface TotalsRow {
  part: "v" | "l" | "p";
  managerId: string;
  /** v: visits, l: stock-out lines, p: promotions. */
  a: number;
  /** v: distinct shops, p: consumers reached. */
  b: number;
  /** v: red flags. */
  c: number;
  /** v, p: the last report time. */
  at: Date | null;
}

/** An active shop of a member with its last visit before the period and its visits in it. */
export interface CoverageShop {
  id: string;
  name: string;
  managerId: string;
  segment: string;
  lastBefore: string | null;
  visitsInPeriod: number;
}

/** A product reported out of stock at a visit, newest first. */
export interface StockOutRow {
  visitId: string;
  date: string;
  managerId: string;
  retailerId: string;
  shopName: string;
  sku: string;
  /** A later visit in the period found the product on the shelf again. */
  restocked: boolean;
}

const activeIn = (memberIds: string[], period: Period) => ({
  managerId: { in: memberIds },
  date: { gte: period.from, lte: period.to },
  status: "active",
});

export async function visitRecords(
  db: Db,
  memberIds: string[],
  period: Period,
  filter: VisitFilter = {},
): Promise<VisitRecord[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.visit.findMany({
    where: { ...activeIn(memberIds, period), ...(filter.onlyRedFlags ? { compliance: true } : {}) },
    include: {
      lines: { orderBy: { id: "asc" } },
      retailer: { select: { name: true, segment: true } },
      manager: { select: { name: true } },
      message: { select: { receivedAt: true } },
    },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: filter.take,
  });
  return rows.map((v) => ({
    id: v.id,
    date: v.date,
    managerId: v.managerId,
    managerName: v.manager.name,
    retailerId: v.retailerId,
    shopName: v.retailer.name,
    segment: v.retailer.segment,
    activities: parseList(v.activities),
    lines: v.lines.map((l) => ({ kind: l.kind, sku: l.sku, qty: l.qty, unit: l.unit })),
    followUp: v.followUp,
    feedback: v.feedback,
    feedbackText: v.feedbackText,
    compliance: v.compliance,
    complianceNote: v.complianceNote,
    reportedAt: v.message?.receivedAt ?? v.createdAt,
  }));
}

export async function countVisits(
  db: Db,
  memberIds: string[],
  period: Period,
  filter: VisitFilter = {},
): Promise<number> {
  if (memberIds.length === 0) return 0;
  return db.visit.count({
    where: { ...activeIn(memberIds, period), ...(filter.onlyRedFlags ? { compliance: true } : {}) },
  });
}

export async function promotionRecords(db: Db, memberIds: string[], period: Period): Promise<PromotionRecord[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.promotion.findMany({
    where: activeIn(memberIds, period),
    include: { lines: { orderBy: { id: "asc" } }, retailers: true, manager: { select: { name: true } } },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
  });
  const shopIds = [...new Set(rows.flatMap((p) => p.retailers.map((r) => r.retailerId)))];
  const shops = shopIds.length
    ? new Map(
        (await db.retailer.findMany({ where: { id: { in: shopIds } }, select: { id: true, name: true } })).map((r) => [
          r.id,
          r.name,
        ]),
      )
    : new Map<string, string>();
  return rows.map((p) => ({
    id: p.id,
    date: p.date,
    managerId: p.managerId,
    managerName: p.manager.name,
    format: p.format,
    consumers: p.consumers,
    durationMinutes: p.durationMinutes,
    shopNames: p.retailers.map((r) => shops.get(r.retailerId) ?? r.retailerId),
    skus: p.lines.filter((l) => l.kind === "sku").map((l) => l.sku),
    sales: p.lines
      .filter((l) => l.kind === "sale")
      .map((l) => ({ kind: l.kind, sku: l.sku, qty: l.qty, unit: l.unit })),
  }));
}

/**
 * Per-member sums over a period in one round trip. "Last report" is when the manager sent the
 * message (the inbound log), not when the row was written.
 */
export async function totalsRows(db: Db, memberIds: string[], period: Period): Promise<TotalsRow[]> {
  if (memberIds.length === 0) return [];
  const ids = Prisma.join(memberIds);
  const rows = await db.$queryRaw<
    { part: string; managerId: string; a: unknown; b: unknown; c: unknown; at: unknown }[]
  >(Prisma.sql`
    SELECT 'v' AS "part", v."managerId" AS "managerId", COUNT(*) AS "a", COUNT(DISTINCT v."retailerId") AS "b",
           SUM(CASE WHEN v."compliance" THEN 1 ELSE 0 END) AS "c", MAX(COALESCE(m."receivedAt", v."createdAt")) AS "at"
    FROM "Visit" v LEFT JOIN "InboundMessage" m ON m."id" = v."messageId"
    WHERE v."managerId" IN (${ids}) AND v."date" >= ${period.from} AND v."date" <= ${period.to} AND v."status" = 'active'
    GROUP BY v."managerId"
    UNION ALL
    SELECT 'l', v."managerId", COUNT(*), NULL, NULL, NULL
    FROM "Visit" v JOIN "VisitLine" l ON l."visitId" = v."id"
    WHERE v."managerId" IN (${ids}) AND v."date" >= ${period.from} AND v."date" <= ${period.to} AND v."status" = 'active'
      AND l."kind" = 'out_of_stock'
    GROUP BY v."managerId"
    UNION ALL
    SELECT 'p', p."managerId", COUNT(*), SUM(p."consumers"), NULL, MAX(COALESCE(m."receivedAt", p."createdAt"))
    FROM "Promotion" p LEFT JOIN "InboundMessage" m ON m."id" = p."messageId"
    WHERE p."managerId" IN (${ids}) AND p."date" >= ${period.from} AND p."date" <= ${period.to} AND p."status" = 'active'
    GROUP BY p."managerId"`);
  return rows.map((r) => ({
    part: r.part as TotalsRow["part"],
    managerId: r.managerId,
    a: num(r.a),
    b: num(r.b),
    c: num(r.c),
    at: date(r.at),
  }));
}

/** The members' active shops, each with two index lookups on Visit(retailerId, date). */
export async function coverageShops(db: Db, memberIds: string[], period: Period): Promise<CoverageShop[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.$queryRaw<(Omit<CoverageShop, "visitsInPeriod"> & { visitsInPeriod: unknown })[]>(Prisma.sql`
    SELECT r."id" AS "id", r."name" AS "name", r."managerId" AS "managerId", r."segment" AS "segment",
      (SELECT MAX(v."date") FROM "Visit" v WHERE v."retailerId" = r."id" AND v."status" = 'active' AND v."date" < ${period.from}) AS "lastBefore",
      (SELECT COUNT(*) FROM "Visit" v WHERE v."retailerId" = r."id" AND v."status" = 'active'
         AND v."date" >= ${period.from} AND v."date" <= ${period.to}) AS "visitsInPeriod"
    FROM "Retailer" r
    WHERE r."managerId" IN (${Prisma.join(memberIds)}) AND r."active" = TRUE
    ORDER BY r."segment", r."id"`);
  return rows.map((r) => ({ ...r, visitsInPeriod: num(r.visitsInPeriod) }));
}

/** Every stock-out line of the members' visits in the period, newest first, optionally of some products only. */
export async function stockOutRows(
  db: Db,
  memberIds: string[],
  period: Period,
  skus: string[],
): Promise<StockOutRow[]> {
  if (memberIds.length === 0) return [];
  const bySku = skus.length ? Prisma.sql`AND l."sku" IN (${Prisma.join(skus)})` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<StockOutRow, "restocked"> & { restocked: unknown })[]>(Prisma.sql`
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
  return rows.map((r) => ({ ...r, restocked: num(r.restocked) > 0 }));
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
