/** The figures behind the answers, against the hand-counted week (report-setup.ts), on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlan, planProgress, plansProgress } from "../../src/plans/index.js";
import { coverage } from "../../src/reports/figures/coverage.js";
import { promotionRecords, visitRecords } from "../../src/reports/figures/figure-queries.js";
import { memberTotals } from "../../src/reports/figures/member-totals.js";
import { forgetPlans, PLAN_TTL_MS, planFigures } from "../../src/reports/figures/plan-figures.js";
import { stockOuts } from "../../src/reports/figures/stock-outs.js";
import { teamStatus } from "../../src/reports/figures/team-status.js";
import type { Period } from "../../src/reports/query/query-types.js";
import { daysOf } from "../../src/reports/query/read-period.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { PROVIDERS, type ScratchDatabase } from "../support/databases.js";
import { type Seeded, seedWeek, TODAY, YESTERDAY } from "./report-setup.js";

const TEAM = [
  { id: "M01", name: "林志强", team: "新罗一组", supervisorId: "S01" },
  { id: "M02", name: "黄丽萍", team: "新罗一组", supervisorId: "S01" },
  { id: "M03", name: "张伟", team: "新罗一组", supervisorId: "S01" },
];
const IDS = TEAM.map((m) => m.id);
const day = (d: string): Period => ({ kind: "day", from: d, to: d, said: true });
const WEEK: Period = { kind: "week", from: "2026-11-23", to: TODAY, said: true };

describe.each(PROVIDERS)("report figures on $name", (provider) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let seeded: Seeded;

  beforeAll(async () => {
    scratch = await provider.create();
    database = await openDatabase(scratch.url);
    seeded = await seedWeek(database.db);
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it("counts today's visits per member: a shop twice is two visits and one shop, undone records are left out", async () => {
    const totals = await memberTotals(database.db, IDS, day(TODAY));
    expect(totals.get("M01")).toMatchObject({
      visits: 4,
      shops: 3,
      stockOuts: 1,
      redFlags: 1,
      promotions: 0,
      consumers: 0,
    });
    expect(totals.get("M01")!.lastReportAt).toBeInstanceOf(Date);
    expect(totals.get("M02")).toMatchObject({ visits: 0, promotions: 1, consumers: 12 });
    expect(totals.has("M03")).toBe(false);
  });

  it("counts a visit logged late on the day it happened", async () => {
    const totals = await memberTotals(database.db, IDS, day(YESTERDAY));
    expect(totals.get("M02")).toMatchObject({ visits: 1, shops: 1 });
    expect(totals.has("M01")).toBe(false);
  });

  it("measures today against each member's plan", async () => {
    const status = await teamStatus(database.db, TEAM, day(TODAY), TODAY);
    const plan = (id: string) => status.members.find((m) => m.member.id === id)!.plan!;
    expect(plan("M01")).toMatchObject({ planned: 25, done: 3, extra: 0 });
    expect(plan("M02")).toMatchObject({ planned: 24, done: 0 });
    expect(plan("M03")).toMatchObject({ planned: 25, done: 0 });
    expect(status.redFlags.map((v) => v.id)).toEqual([seeded.m01.xinhuadu.id]);
    expect(status.redFlags[0]?.complianceNote).toBe("店主说要搭售才给上柜");
  });

  it("reads progress for many plans at once exactly as for each plan alone", async () => {
    const plans = await Promise.all(
      ["M01", "M02", "M03"].flatMap((id) => [TODAY, YESTERDAY].map((d) => buildPlan(database.db, id, d))),
    );
    const one = await Promise.all(plans.map((p) => planProgress(database.db, p)));
    expect(await plansProgress(database.db, plans)).toEqual(one);
  });

  it("plans the whole team at once, each member's days exactly as their own plans, and keeps them for a few minutes", async () => {
    const db = database.db;
    forgetPlans(db);
    let now = 1_000_000;
    const clock = () => now;
    const first = (await planFigures(db, ["M02"], WEEK, TODAY, clock))!;
    const figures = (await planFigures(db, IDS, WEEK, TODAY, clock))!;
    const days = daysOf(WEEK).filter((d) => d <= TODAY);
    for (const id of IDS) {
      const alone = await Promise.all(days.map(async (d) => planProgress(db, await buildPlan(db, id, d))));
      expect(figures.get(id)!.days).toEqual(alone);
      expect(figures.get(id)!.planned).toBe(alone.reduce((n, p) => n + p.plan.stops.length, 0));
    }
    // M02's plans were kept from the first question; the others were built for the second.
    expect(figures.get("M02")!.days.map((d) => d.plan)).toEqual(first.get("M02")!.days.map((d) => d.plan));
    for (const [i, d] of figures.get("M02")!.days.entries()) expect(d.plan).toBe(first.get("M02")!.days[i]?.plan);
    now += PLAN_TTL_MS + 1;
    const later = (await planFigures(db, IDS, WEEK, TODAY, clock))!;
    expect(later.get("M02")!.days[0]?.plan).not.toBe(first.get("M02")!.days[0]?.plan);
    expect(later.get("M02")!.days.map((d) => d.plan)).toEqual(first.get("M02")!.days.map((d) => d.plan));
  });

  it("lists the records behind the figures, the corrected one with its new quantity", async () => {
    const records = await visitRecords(database.db, IDS, WEEK);
    expect(records.map((r) => r.id).sort()).toEqual(
      [seeded.m01.wang1, seeded.m01.wang2, seeded.m01.zhou, seeded.m01.xinhuadu, seeded.m02.liqiang]
        .map((r) => r.id)
        .sort(),
    );
    const zhou = records.find((r) => r.id === seeded.m01.zhou.id)!;
    expect(zhou.lines).toEqual([{ kind: "stock", sku: "T001", qty: 15, unit: "carton" }]);
    expect(zhou.shopName).toBe("老周副食店");
  });

  it("finds stock-outs by product, and sees the shelf filled again by a later visit", async () => {
    const out = await stockOuts(database.db, IDS, WEEK, ["T002"]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      retailerId: "R001",
      shopName: "王记小卖部",
      managerId: "M01",
      visitId: seeded.m01.wang1.id,
      restocked: false,
    });
    // The undone visit's stock-out (硬中华 at 郭记) does not count.
    expect(await stockOuts(database.db, IDS, WEEK, ["T001"])).toEqual([]);
    expect((await stockOuts(database.db, IDS, WEEK, [])).map((s) => s.sku)).toEqual(["T002"]);
  });

  it("sums promotions with their consumers and sales", async () => {
    const promos = await promotionRecords(database.db, IDS, WEEK);
    expect(promos).toHaveLength(1);
    expect(promos[0]).toMatchObject({
      managerId: "M02",
      consumers: 12,
      shopNames: ["老陈超市"],
      skus: ["T002"],
      sales: [{ kind: "sale", sku: "T002", qty: 2, unit: "carton" }],
    });
  });

  it("measures coverage against the visit rules: never-visited shops are all due", async () => {
    const segments = await coverage(database.db, ["M01"], WEEK);
    const by = new Map(segments.map((s) => [s.segment, s]));
    // M01: 6 brand, 5 premium, 11 standard, 3 rural shops; visited R001 (standard), R002 (premium), R003 (brand).
    expect(by.get("brand_store")).toMatchObject({ shops: 6, due: 6, dueVisited: 1, visited: 1, everyDays: 7 });
    expect(by.get("premium_store")).toMatchObject({ shops: 5, due: 5, dueVisited: 1 });
    expect(by.get("standard")).toMatchObject({ shops: 11, due: 11, dueVisited: 1 });
    expect(by.get("rural")).toMatchObject({ shops: 3, due: 3, dueVisited: 0 });
    expect(by.get("brand_store")!.missed.map((s) => s.id)).not.toContain("R003");
    expect(by.get("brand_store")!.missed.map((s) => s.id)).toContain("R004"); // its only visit was undone
  });

  it("does not count a shop visited within its rhythm as due", async () => {
    // R030 (M02, weekly brand store) was visited yesterday: next week's coverage will not need it before Dec 1.
    const segments = await coverage(database.db, ["M02"], {
      kind: "day",
      from: "2026-11-26",
      to: "2026-11-30",
      said: true,
    });
    const brand = segments.find((s) => s.segment === "brand_store")!;
    expect(brand.shops).toBe(5);
    expect(brand.due).toBe(4);
  });
});
