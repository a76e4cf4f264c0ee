/** One manager's day as a supervisor sees it: plan kept, visits, stock-outs and red flags. */
import { buildPlan, productNames, type PlanCache } from "../../plans/build-plan.js";
import { planProgress } from "../../plans/plan-progress.js";
import type { Db } from "../../store/database.js";

export interface MemberDay {
  personId: string;
  name: string;
  planned: number;
  done: number;
  skipped: number;
  /** Shops visited that were not on the plan. */
  extra: number;
  visits: number;
  stockOuts: { shop: string; products: string[] }[];
  redFlags: { shop: string; note: string | null }[];
}

export async function memberDay(db: Db, person: { id: string; name: string }, day: string, cache: PlanCache): Promise<MemberDay> {
  const progress = await planProgress(db, await buildPlan(db, person.id, day, cache));
  const visits = await db.visit.findMany({
    where: { managerId: person.id, date: day, status: "active" },
    select: {
      compliance: true,
      complianceNote: true,
      retailer: { select: { name: true } },
      lines: { where: { kind: "out_of_stock" }, select: { sku: true }, orderBy: { id: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  });
  const names = await productNames(db, cache);
  return {
    personId: person.id,
    name: person.name,
    planned: progress.plan.stops.length,
    done: progress.done.length,
    skipped: progress.skipped.length,
    extra: progress.extra.length,
    visits: visits.length,
    stockOuts: visits.filter((v) => v.lines.length).map((v) => ({ shop: v.retailer.name, products: v.lines.map((l) => names.get(l.sku) ?? l.sku) })),
    redFlags: visits.filter((v) => v.compliance).map((v) => ({ shop: v.retailer.name, note: v.complianceNote })),
  };
}

/** The people a supervisor looks after: their direct reports and their team's managers. */
export async function membersOf(db: Db, supervisor: { id: string; team: string | null }) {
  return db.person.findMany({
    where: { active: true, role: "manager", OR: [{ supervisorId: supervisor.id }, ...(supervisor.team ? [{ team: supervisor.team }] : [])] },
    orderBy: { id: "asc" },
  });
}
