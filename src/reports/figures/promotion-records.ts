/** The promotions behind a summary: where, what, how many consumers, what sold, each with its record. */
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import type { VisitLineRecord } from "./visit-records.js";

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

export async function promotionRecords(db: Db, memberIds: string[], period: Period): Promise<PromotionRecord[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.promotion.findMany({
    where: { managerId: { in: memberIds }, date: { gte: period.from, lte: period.to }, status: "active" },
    include: { lines: { orderBy: { id: "asc" } }, retailers: true, manager: { select: { name: true } } },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
  });
  const shopIds = [...new Set(rows.flatMap((p) => p.retailers.map((r) => r.retailerId)))];
  const shops = shopIds.length
    ? new Map((await db.retailer.findMany({ where: { id: { in: shopIds } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]))
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
    sales: p.lines.filter((l) => l.kind === "sale").map((l) => ({ kind: l.kind, sku: l.sku, qty: l.qty, unit: l.unit })),
  }));
}
