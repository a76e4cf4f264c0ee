/**
 * Why a shop belongs on a day's plan, and how urgent it is. Pure: facts in, reasons and a score out.
 *
 * Some reasons put a shop on the plan by themselves (a due visit, a promise for today); others only
 * ride along when the shop is visited anyway, until enough time has passed for them to matter — a
 * stock-out reported yesterday is not worth a trip today (the restock takes a delivery), but still
 * worth checking on the next visit.
 */
import { daysBetween } from "../domain/calendar.js";
import type { LatestVisit } from "./history-queries.js";
import type { PlanReason, ProductRef } from "./plan-types.js";

/** Days before an open stock-out or complaint alone brings the manager back. */
const PROBLEM_RECHECK_DAYS = 3;
/** Days since the last visit before an unlisted cultivation target or an undated promise alone brings the manager back. */
const SOFT_REASON_DAYS = 7;

interface ShopFacts {
  day: string;
  month: string;
  segment: string;
  everyDays: number;
  /** The shop's most recent visit(s) before `day`, all on one date; empty when never visited. */
  latest: LatestVisit[];
  /** Out-of-stock products reported on those visits. */
  outOfStock: ProductRef[];
  /** The month's cultivation targets not yet seen at the shop. */
  unlistedTargets: ProductRef[];
}

interface ShopAssessment {
  /** Most important first. */
  reasons: PlanReason[];
  /** 0 when nothing puts the shop on the plan. */
  urgency: number;
}

interface Weighed {
  reason: PlanReason;
  weight: number;
  standalone: boolean;
}

export function assessShop(f: ShopFacts): ShopAssessment {
  const weighed: Weighed[] = [];
  const last = f.latest[0]?.date ?? null;
  const since = last ? daysBetween(last, f.day) : Infinity;

  if (!last) {
    // Never seen: as pressing as a long-overdue shop, and the more frequent the segment, the more pressing.
    weighed.push({
      reason: { kind: "never_visited", segment: f.segment, everyDays: f.everyDays },
      weight: 600 + Math.round(100 * Math.min(7 / f.everyDays, 1)),
      standalone: true,
    });
  } else if (since >= f.everyDays) {
    const overdueDays = since - f.everyDays;
    weighed.push({
      reason: { kind: "due", segment: f.segment, everyDays: f.everyDays, lastVisit: last, overdueDays },
      // Overdue is measured against the shop's own rhythm: 3 days late matters more for a weekly brand store.
      weight: 400 + Math.round(300 * Math.min(overdueDays / f.everyDays, 1)),
      standalone: true,
    });
  }

  for (const v of f.latest) {
    if (!v.followUp || v.followUpDone) continue;
    if (v.followUp === "unspecified") {
      weighed.push({
        reason: { kind: "follow_up", promisedOn: v.date, forDay: null, lateDays: 0 },
        weight: 300,
        standalone: since >= SOFT_REASON_DAYS,
      });
    } else if (v.followUp <= f.day) {
      const lateDays = daysBetween(v.followUp, f.day);
      // A promise is the most personal reason of all: the owner is expecting the manager.
      weighed.push({
        reason: { kind: "follow_up", promisedOn: v.date, forDay: v.followUp, lateDays },
        weight: 1000 + 10 * Math.min(lateDays, 30),
        standalone: true,
      });
    }
    break; // one promise per shop is enough to show
  }

  if (f.outOfStock.length > 0 && last) {
    weighed.push({
      reason: { kind: "stock_out", reportedOn: last, products: f.outOfStock },
      weight: 800,
      standalone: since >= PROBLEM_RECHECK_DAYS,
    });
  }
  const complaint = f.latest.find((v) => v.feedback);
  if (complaint) {
    weighed.push({
      reason: { kind: "feedback", reportedOn: complaint.date, text: complaint.feedbackText },
      weight: 700,
      standalone: since >= PROBLEM_RECHECK_DAYS,
    });
  }
  if (f.unlistedTargets.length > 0) {
    weighed.push({
      reason: { kind: "target", month: f.month, products: f.unlistedTargets },
      weight: 100,
      standalone: since >= SOFT_REASON_DAYS,
    });
  }

  const standalone = weighed.filter((w) => w.standalone);
  if (standalone.length === 0) return { reasons: [], urgency: 0 };
  weighed.sort((a, b) => b.weight - a.weight);
  const top = Math.max(...standalone.map((w) => w.weight));
  // Extra reasons nudge a shop up among equals without outranking a stronger single reason.
  const extra = weighed.reduce((sum, w) => sum + w.weight, 0) - top;
  return { reasons: weighed.map((w) => w.reason), urgency: top + Math.round(extra / 10) };
}
