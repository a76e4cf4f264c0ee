/**
 * A team's status over a period: per member the totals, the plan figures and, since they are few
 * and must never be missed, every red-flag record. Three to four queries plus the plans.
 */
import { type OnSite, onSiteCounts } from "../../media/media-queries.js";
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import type { Member } from "../scope.js";
import { type VisitRecord, visitRecords } from "./figure-queries.js";
import { type MemberTotals, memberTotals, NO_TOTALS } from "./member-totals.js";
import { type MemberPlan, planFigures } from "./plan-figures.js";

export interface MemberStatus {
  member: Member;
  totals: MemberTotals;
  /** Null when the period is too long to plan for. */
  plan: MemberPlan | null;
}

export interface TeamStatus {
  period: Period;
  members: MemberStatus[];
  redFlags: VisitRecord[];
  /** Visits with and without a check-in, per member id; empty when nobody in scope checked in. */
  onSite: Map<string, OnSite>;
}

export async function teamStatus(db: Db, members: Member[], period: Period, today: string): Promise<TeamStatus> {
  const ids = members.map((m) => m.id);
  const [totals, plans, onSite] = await Promise.all([
    memberTotals(db, ids, period),
    planFigures(db, ids, period, today),
    onSiteCounts(db, ids, period.from, period.to),
  ]);
  const anyFlags = [...totals.values()].some((t) => t.redFlags > 0);
  const redFlags = anyFlags ? await visitRecords(db, ids, period, { onlyRedFlags: true }) : [];
  return {
    period,
    members: members.map((member) => ({
      member,
      totals: totals.get(member.id) ?? NO_TOTALS,
      plan: plans?.get(member.id) ?? null,
    })),
    redFlags,
    onSite,
  };
}

/** The sum over members, for the headline. */
export function teamTotals(status: TeamStatus): { planned: number | null; done: number; extra: number } & MemberTotals {
  const sum = (f: (m: MemberStatus) => number) => status.members.reduce((s, m) => s + f(m), 0);
  const withPlans = status.members.every((m) => m.plan !== null);
  return {
    planned: withPlans ? sum((m) => m.plan?.planned ?? 0) : null,
    done: sum((m) => m.plan?.done ?? 0),
    extra: sum((m) => m.plan?.extra ?? 0),
    visits: sum((m) => m.totals.visits),
    shops: sum((m) => m.totals.shops),
    stockOuts: sum((m) => m.totals.stockOuts),
    redFlags: sum((m) => m.totals.redFlags),
    promotions: sum((m) => m.totals.promotions),
    consumers: sum((m) => m.totals.consumers),
    lastReportAt: null,
  };
}
