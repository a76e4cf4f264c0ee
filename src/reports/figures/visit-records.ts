/**
 * The visits behind a figure, record by record, for "明细", red flags and the export: each with its
 * shop, manager, facts and the time it was reported. Always bounded by the members and the period.
 */
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";

export interface VisitLineRecord {
  kind: string;
  sku: string;
  qty: number | null;
  unit: string | null;
}

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

export async function visitRecords(db: Db, memberIds: string[], period: Period, filter: VisitFilter = {}): Promise<VisitRecord[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.visit.findMany({
    where: {
      managerId: { in: memberIds },
      date: { gte: period.from, lte: period.to },
      status: "active",
      ...(filter.onlyRedFlags ? { compliance: true } : {}),
    },
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

export async function countVisits(db: Db, memberIds: string[], period: Period, filter: VisitFilter = {}): Promise<number> {
  if (memberIds.length === 0) return 0;
  return db.visit.count({
    where: {
      managerId: { in: memberIds },
      date: { gte: period.from, lte: period.to },
      status: "active",
      ...(filter.onlyRedFlags ? { compliance: true } : {}),
    },
  });
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
