/** One manager's day as a supervisor sees it: plan kept, visits, stock-outs and red flags. */
import { buildPlans, productNames, type PlanCache } from "../../plans/build-plan.js";
import { plansProgress } from "../../plans/plan-progress.js";
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
  return (await membersDay(db, [person], day, cache))[0];
}

/** Several managers' days, in order: their plans built together and their visits read in one query. */
export async function membersDay(db: Db, people: { id: string; name: string }[], day: string, cache: PlanCache): Promise<MemberDay[]> {
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const progress = await plansProgress(db, await buildPlans(db, ids, day, cache));
  const visits = await db.visit.findMany({
    where: { managerId: { in: [...new Set(ids)] }, date: day, status: "active" },
    select: {
      managerId: true,
      compliance: true,
      complianceNote: true,
      retailer: { select: { name: true } },
      lines: { where: { kind: "out_of_stock" }, select: { sku: true }, orderBy: { id: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  });
  const names = await productNames(db, cache);
  return people.map((person, i) => {
    const own = visits.filter((v) => v.managerId === person.id);
    return {
      personId: person.id,
      name: person.name,
      planned: progress[i].plan.stops.length,
      done: progress[i].done.length,
      skipped: progress[i].skipped.length,
      extra: progress[i].extra.length,
      visits: own.length,
      stockOuts: own.filter((v) => v.lines.length).map((v) => ({ shop: v.retailer.name, products: v.lines.map((l) => names.get(l.sku) ?? l.sku) })),
      redFlags: own.filter((v) => v.compliance).map((v) => ({ shop: v.retailer.name, note: v.complianceNote })),
    };
  });
}

/** The people a supervisor looks after: their direct reports and their team's managers. */
export async function membersOf(db: Db, supervisor: { id: string; team: string | null }) {
  return db.person.findMany({
    where: { active: true, role: "manager", OR: [{ supervisorId: supervisor.id }, ...(supervisor.team ? [{ team: supervisor.team }] : [])] },
    orderBy: { id: "asc" },
  });
}
