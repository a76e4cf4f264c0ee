/**
 * Per-member totals over a period in one round trip: visits, shops, stock-out lines, red flags,
 * promotions, consumers reached and the last report time. Aggregated in SQL over the
 * (managerId, date) indexes, so a year of history never leaves the database.
 * "Last report" is when the manager sent the message (the inbound log), not when the row was written.
 */
import { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import { date, num } from "./raw-values.js";

export interface MemberTotals {
  visits: number;
  shops: number;
  stockOuts: number;
  redFlags: number;
  promotions: number;
  consumers: number;
  lastReportAt: Date | null;
}

export const NO_TOTALS: MemberTotals = { visits: 0, shops: 0, stockOuts: 0, redFlags: 0, promotions: 0, consumers: 0, lastReportAt: null };

interface Row {
  part: string;
  managerId: string;
  a: unknown;
  b: unknown;
  c: unknown;
  at: unknown;
}

export async function memberTotals(db: Db, memberIds: string[], period: Period): Promise<Map<string, MemberTotals>> {
  const totals = new Map<string, MemberTotals>();
  if (memberIds.length === 0) return totals;
  const ids = Prisma.join(memberIds);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
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
  const get = (id: string) => {
    let t = totals.get(id);
    if (!t) totals.set(id, (t = { ...NO_TOTALS }));
    return t;
  };
  for (const row of rows) {
    const t = get(row.managerId);
    if (row.part === "v") {
      t.visits = num(row.a);
      t.shops = num(row.b);
      t.redFlags = num(row.c);
      t.lastReportAt = later(t.lastReportAt, date(row.at));
    } else if (row.part === "l") {
      t.stockOuts = num(row.a);
    } else {
      t.promotions = num(row.a);
      t.consumers = num(row.b);
      t.lastReportAt = later(t.lastReportAt, date(row.at));
    }
  }
  return totals;
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
