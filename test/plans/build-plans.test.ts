import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/demo/seeded-random.js";
import { addDays, isoWeekday } from "../../src/domain/calendar.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import {
  addTarget,
  buildPlan,
  buildPlans,
  createPlanCache,
  type PlanReason,
  setVisitRule,
  type VisitPlan,
} from "../../src/plans/index.js";
import type { Db } from "../../src/store/database.js";
import { PROVIDERS } from "../support/databases.js";
import { closeDatabasesAfterEach, freshFixtures } from "./plan-setup.js";

closeDatabasesAfterEach();

const PEOPLE = ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "S01", "A01"];
/** A Wednesday, a Friday that is one team's holiday, a Saturday, December (other targets), a Monday long before. */
const DAYS = ["2026-11-25", "2026-11-27", "2026-11-28", "2026-12-01", "2026-11-02"];
const SKUS = Array.from({ length: 10 }, (_, i) => `T${String(i + 1).padStart(3, "0")}`);

/**
 * Two months of uneven history for every manager of the fixtures, with everything a plan reads:
 * dated, undated and kept follow-ups, complaints, stock-outs, listings, several visits to a shop on
 * one day, undone visits, a visit logged by someone else, an inactive shop, targets, a visit rule,
 * a holiday, a short capacity, a start point and a team with no Team row.
 */
async function realisticHistory(db: Db): Promise<void> {
  const rand = seededRandom(7);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const shops = await db.retailer.findMany({ select: { id: true, managerId: true }, orderBy: { id: "asc" } });
  const visits: Prisma.VisitCreateManyInput[] = [];
  const lines: Prisma.VisitLineCreateManyInput[] = [];
  for (const shop of shops) {
    for (
      let day = addDays("2026-09-28", Math.floor(rand() * 20));
      day < "2026-12-02";
      day = addDays(day, 3 + Math.floor(rand() * 25))
    ) {
      if (isoWeekday(day) > 5) continue;
      const times = rand() < 0.1 ? 2 : 1;
      for (let t = 0; t < times; t++) {
        const id = randomUUID();
        const r = rand();
        const followUp = r < 0.1 ? addDays(day, 1 + Math.floor(rand() * 10)) : r < 0.15 ? "unspecified" : null;
        const feedback = rand() < 0.1;
        visits.push({
          id,
          retailerId: shop.id,
          managerId: rand() < 0.03 ? "M08" : shop.managerId!,
          date: day,
          followUp,
          followUpDone: followUp !== null && rand() < 0.3,
          feedback,
          feedbackText: feedback ? pick(["老板希望多分点紧俏烟", null]) : null,
          status: rand() < 0.05 ? "undone" : "active",
        });
        for (let n = Math.floor(rand() * 3); n > 0; n--) {
          const kind = pick(["stock", "stock", "out_of_stock", "listed", "order"]);
          lines.push({
            visitId: id,
            kind,
            sku: pick(SKUS),
            qty: kind === "out_of_stock" ? null : 1 + Math.floor(rand() * 10),
            unit: kind === "out_of_stock" ? null : "carton",
          });
        }
      }
    }
  }
  await db.visit.createMany({ data: visits });
  await db.visitLine.createMany({ data: lines });

  await db.retailer.update({ where: { id: "R003" }, data: { active: false } });
  await db.person.update({ where: { id: "M03" }, data: { dailyCapacity: 5 } });
  await db.person.update({ where: { id: "M07" }, data: { startLat: 30.3, startLng: -97.7 } });
  await db.person.update({ where: { id: "M06" }, data: { team: "没有这个组" } });
  await db.team.update({ where: { name: "新罗二组" }, data: { holidays: JSON.stringify(["2026-11-27"]) } });
  await setVisitRule(db, "premium_store", 10);
  for (const sku of ["T003", "T007"]) await addTarget(db, { team: "新罗一组", month: "2026-11", sku });
  await addTarget(db, { team: "新罗二组", month: "2026-11", sku: "T005" });
  await addTarget(db, { team: "Austin North", month: "2026-12", sku: "T001" });
}

/** Each person alone, one after the other, each with its own cache: the reference. */
async function oneByOne(db: Db, ids: string[], day: string): Promise<VisitPlan[]> {
  const plans: VisitPlan[] = [];
  for (const id of ids) plans.push(await buildPlan(db, id, day));
  return plans;
}

describe.each(PROVIDERS)("team plans on $name", ({ create }) => {
  it("builds exactly the plan of each person alone, for several managers over several days", async () => {
    const db = await freshFixtures(create);
    await realisticHistory(db);
    const cache = createPlanCache();
    const kinds = new Set<PlanReason["kind"]>();
    for (const day of DAYS) {
      const expected = await oneByOne(db, PEOPLE, day);
      // A cache shared across days and a fresh one give the same plans.
      expect(await buildPlans(db, PEOPLE, day, cache)).toEqual(expected);
      expect(await buildPlans(db, PEOPLE, day)).toEqual(expected);
      for (const plan of expected) for (const stop of plan.stops) for (const r of stop.reasons) kinds.add(r.kind);
    }
    // The fixture exercises every reason, so the comparison covers every fact the plans read.
    expect([...kinds].sort()).toEqual(["due", "feedback", "follow_up", "never_visited", "stock_out", "target"]);
  });

  it("covers the fixture's edge cases: a holiday, a weekend, a short capacity, a start point, people with no shops", async () => {
    const db = await freshFixtures(create);
    await realisticHistory(db);
    const [m03, m04, m06, m07, s01] = await buildPlans(db, ["M03", "M04", "M06", "M07", "S01"], "2026-11-27");
    expect(m03?.stops).toHaveLength(5);
    expect(m03?.deferred.length).toBeGreaterThan(0);
    expect(m04).toMatchObject({ dayOff: "holiday", stops: [] });
    expect(m06?.dayOff).toBeNull(); // a team with no row works Monday to Friday
    expect(m07?.start).toEqual({ lat: 30.3, lng: -97.7, from: "person" });
    expect(s01).toMatchObject({ dayOff: null, stops: [], deferred: [] });
    expect((await buildPlans(db, ["M01", "M07"], "2026-11-28")).map((p) => p.dayOff)).toEqual(["weekend", "weekend"]);
    expect((await buildPlan(db, "M01", "2026-11-25")).stops.some((s) => s.retailerId === "R003")).toBe(false);
  });

  it("answers in the order asked, repeats included, and nothing for nobody", async () => {
    const db = await freshFixtures(create);
    await realisticHistory(db);
    const ids = ["M07", "M01", "M07", "S01", "M03"];
    expect(await buildPlans(db, ids, "2026-11-25")).toEqual(await oneByOne(db, ids, "2026-11-25"));
    expect(await buildPlans(db, [], "2026-11-25")).toEqual([]);
  });

  it("refuses an unknown person or a day that is not a day, as buildPlan does", async () => {
    const db = await freshFixtures(create);
    await expect(buildPlans(db, ["M01", "M99"], "2026-11-25")).rejects.toMatchObject({
      code: "PLAN_UNKNOWN_PERSON",
      message: "unknown person M99",
    });
    await expect(buildPlan(db, "M99", "2026-11-25")).rejects.toMatchObject({ code: "PLAN_UNKNOWN_PERSON" });
    await expect(buildPlans(db, ["M01"], "2026-13-45")).rejects.toMatchObject({ code: "PLAN_BAD_DAY" });
  });
});
