/**
 * Per-member totals over a period: visits, shops, stock-out lines, red flags, promotions,
 * consumers reached and the last report time, from one aggregated read (figure-queries.ts).
 */
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import { totalsRows } from "./figure-queries.js";

export interface MemberTotals {
  visits: number;
  shops: number;
  stockOuts: number;
  redFlags: number;
  promotions: number;
  consumers: number;
  lastReportAt: Date | null;
}

export const NO_TOTALS: MemberTotals = {
  visits: 0,
  shops: 0,
  stockOuts: 0,
  redFlags: 0,
  promotions: 0,
  consumers: 0,
  lastReportAt: null,
};

export async function memberTotals(db: Db, memberIds: string[], period: Period): Promise<Map<string, MemberTotals>> {
  const totals = new Map<string, MemberTotals>();
  const get = (id: string) => {
    let t = totals.get(id);
    if (!t) {
      t = { ...NO_TOTALS };
      totals.set(id, t);
    }
    return t;
  };
  for (const row of await totalsRows(db, memberIds, period)) {
    const t = get(row.managerId);
    if (row.part === "v") {
      t.visits = row.a;
      t.shops = row.b;
      t.redFlags = row.c;
      t.lastReportAt = later(t.lastReportAt, row.at);
    } else if (row.part === "l") {
      t.stockOuts = row.a;
    } else {
      t.promotions = row.a;
      t.consumers = row.b;
      t.lastReportAt = later(t.lastReportAt, row.at);
    }
  }
  return totals;
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
