import { describe, expect, it } from "vitest";
import {
  addTarget,
  buildPlan,
  type PlanReason,
  planProgress,
  recordSkip,
  setVisitRule,
} from "../../src/plans/index.js";
import { pathKm } from "../../src/plans/route.js";
import { PROVIDERS } from "../support/databases.js";
import { closeDatabasesAfterEach, freshFixtures, logVisit, visitEveryShop } from "./plan-setup.js";

closeDatabasesAfterEach();

const kinds = (reasons: PlanReason[]) => reasons.map((r) => r.kind);

describe.each(PROVIDERS)("visit plans on $name", ({ create }) => {
  it("after a visit with a follow-up next Wednesday, the plan for that Wednesday lists the shop with the follow-up reason", async () => {
    const db = await freshFixtures(create);
    // Fri 20 Nov: "老王烟酒店 … 下周三再去"
    await logVisit(db, "R014", "2026-11-20", { followUp: "2026-11-25" });
    const plan = await buildPlan(db, "M01", "2026-11-25");
    const stop = plan.stops.find((s) => s.retailerId === "R014");
    expect(stop?.reasons[0]).toEqual({
      kind: "follow_up",
      promisedOn: "2026-11-20",
      forDay: "2026-11-25",
      lateDays: 0,
    });
    // A promise outranks shops that were simply never visited.
    expect([...plan.stops].sort((a, b) => b.urgency - a.urgency)[0]?.retailerId).toBe("R014");
    // The day before, the promise is not due yet (the brand store is not due by frequency either).
    const before = await buildPlan(db, "M01", "2026-11-24");
    expect(before.stops.find((s) => s.retailerId === "R014")).toBeUndefined();
  });

  it("keeps a follow-up open while it is late, and a later visit keeps the promise", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-23");
    await logVisit(db, "R001", "2026-11-16", { followUp: "2026-11-20" });
    await logVisit(db, "R002", "2026-11-16", { followUp: "2026-11-20" });
    // R002 was visited again on the 23rd (visitEveryShop), R001's latest visit… is also the 23rd: re-log R001's promise later.
    await logVisit(db, "R001", "2026-11-24", { followUp: "2026-11-25" });
    const plan = await buildPlan(db, "M01", "2026-11-27");
    expect(plan.stops.map((s) => s.retailerId)).toEqual(["R001"]);
    expect(plan.stops[0]?.reasons[0]).toMatchObject({ kind: "follow_up", forDay: "2026-11-25", lateDays: 2 });
    await logVisit(db, "R001", "2026-11-26");
    expect((await buildPlan(db, "M01", "2026-11-27")).stops).toEqual([]);
  });

  it("lists a shop once its segment's visit interval has passed, with how overdue it is", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-25");
    await logVisit(db, "R014", "2026-11-16"); // brand store, weekly — but the 25th visit is later
    const fresh = await buildPlan(db, "M01", "2026-11-27");
    expect(fresh.stops).toEqual([]);

    const db2 = await freshFixtures(create);
    await visitEveryShop(db2, "M01", "2026-11-25");
    await db2.visit.deleteMany({ where: { retailerId: { in: ["R014", "R003", "R002"] } } });
    await logVisit(db2, "R014", "2026-11-20"); // 7 days: due today
    await logVisit(db2, "R003", "2026-11-17"); // brand store, 10 days: 3 overdue
    await logVisit(db2, "R002", "2026-11-16"); // premium, 11 days: not due (every 14)
    const plan = await buildPlan(db2, "M01", "2026-11-27");
    const byId = new Map(plan.stops.map((s) => [s.retailerId, s]));
    expect([...byId.keys()].sort()).toEqual(["R003", "R014"]);
    expect(byId.get("R014")!.reasons[0]).toEqual({
      kind: "due",
      segment: "brand_store",
      everyDays: 7,
      lastVisit: "2026-11-20",
      overdueDays: 0,
    });
    expect(byId.get("R003")!.reasons[0]).toMatchObject({ kind: "due", overdueDays: 3 });
    expect(byId.get("R003")!.urgency).toBeGreaterThan(byId.get("R014")!.urgency);
  });

  it("puts the most overdue first when capacity is short, relative to each segment's rhythm", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-26");
    await db.visit.deleteMany({ where: { retailerId: { in: ["R003", "R001", "R002"] } } });
    await logVisit(db, "R003", "2026-11-17"); // brand store: 3 days over 7
    await logVisit(db, "R001", "2026-10-27"); // standard: 3 days over 28
    await logVisit(db, "R002", "2026-11-06"); // premium: 7 days over 14
    await db.person.update({ where: { id: "M01" }, data: { dailyCapacity: 2 } });
    const plan = await buildPlan(db, "M01", "2026-11-27");
    expect(plan.capacity).toBe(2);
    expect(plan.stops.map((s) => s.retailerId).sort()).toEqual(["R002", "R003"]);
    expect(plan.deferred).toEqual([expect.objectContaining({ retailerId: "R001" })]);
  });

  it("caps the plan at the person's daily capacity (25 by default)", async () => {
    const db = await freshFixtures(create);
    const full = await buildPlan(db, "M01", "2026-11-27");
    expect(full.capacity).toBe(25);
    expect(full.stops).toHaveLength(25); // M01's 25 shops, none visited yet
    await db.person.update({ where: { id: "M01" }, data: { dailyCapacity: 10 } });
    const capped = await buildPlan(db, "M01", "2026-11-27");
    expect(capped.stops).toHaveLength(10);
    expect(capped.deferred).toHaveLength(15);
    // The brand stores (weekly) come before standard shops when none has been visited.
    expect(capped.stops.filter((s) => s.segment === "brand_store")).toHaveLength(6);
  });

  it("adds the month's cultivation targets a shop has not listed yet", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-10");
    // Every shop but R001 and R009 was seen recently; R009 already stocks T003.
    await logVisit(db, "R009", "2026-11-12", { lines: [{ kind: "stock", sku: "T003", qty: 4, unit: "carton" }] });
    const recent = (await db.retailer.findMany({ where: { managerId: "M01", id: { notIn: ["R001", "R009"] } } })).map(
      (r) => r.id,
    );
    for (const id of recent) await logVisit(db, id, "2026-11-24");
    await addTarget(db, { team: "新罗一组", month: "2026-11", sku: "T003" });
    const plan = await buildPlan(db, "M01", "2026-11-27");
    expect(plan.stops.map((s) => s.retailerId)).toEqual(["R001"]);
    expect(plan.stops[0]?.reasons).toEqual([
      { kind: "target", month: "2026-11", products: [{ sku: "T003", name: "中华(双中支)" }] },
    ]);
    // December has no target: nothing pulls R001 in before it is due.
    expect((await buildPlan(db, "M01", "2026-12-01")).stops.find((s) => s.retailerId === "R001")).toBeUndefined();
  });

  it("brings back an open stock-out or complaint after a few days, and a later visit closes it", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-20");
    await logVisit(db, "R001", "2026-11-23", { lines: [{ kind: "out_of_stock", sku: "T002" }] });
    await logVisit(db, "R007", "2026-11-23", { feedback: true, feedbackText: "老板希望多分点紧俏烟" });
    await logVisit(db, "R010", "2026-11-26", { lines: [{ kind: "out_of_stock", sku: "T001" }] }); // too recent
    const plan = await buildPlan(db, "M01", "2026-11-27");
    const byId = new Map(plan.stops.map((s) => [s.retailerId, s]));
    expect(byId.get("R001")!.reasons).toEqual([
      { kind: "stock_out", reportedOn: "2026-11-23", products: [{ sku: "T002", name: "中华(软)" }] },
    ]);
    expect(byId.get("R007")!.reasons).toEqual([
      { kind: "feedback", reportedOn: "2026-11-23", text: "老板希望多分点紧俏烟" },
    ]);
    expect(byId.has("R010")).toBe(false);
    await logVisit(db, "R001", "2026-11-25", { lines: [{ kind: "stock", sku: "T002", qty: 5, unit: "carton" }] });
    expect((await buildPlan(db, "M01", "2026-11-27")).stops.some((s) => s.retailerId === "R001")).toBe(false);
  });

  it("has no plan on weekends or the team's holidays", async () => {
    const db = await freshFixtures(create);
    const saturday = await buildPlan(db, "M01", "2026-11-28");
    expect(saturday).toMatchObject({ dayOff: "weekend", stops: [] });
    await db.team.update({ where: { name: "新罗一组" }, data: { holidays: JSON.stringify(["2026-11-27"]) } });
    expect(await buildPlan(db, "M01", "2026-11-27")).toMatchObject({ dayOff: "holiday", stops: [] });
    await db.team.update({ where: { name: "新罗一组" }, data: { workdays: "1,2,3,4,5,6", holidays: "[]" } });
    expect((await buildPlan(db, "M01", "2026-11-28")).dayOff).toBeNull();
  });

  it("orders the stops into a route shorter than the urgency order, from the person's start point", async () => {
    const db = await freshFixtures(create);
    const plan = await buildPlan(db, "M01", "2026-11-27");
    expect(plan.start).toMatchObject({ from: "first_stop" });
    const byUrgency = [...plan.stops].sort((a, b) => b.urgency - a.urgency || a.retailerId.localeCompare(b.retailerId));
    const points = (stops: typeof plan.stops) => stops.map((s) => ({ lat: s.lat!, lng: s.lng! }));
    const [first, ...rest] = points(byUrgency);
    const urgencyKm = pathKm(first!, rest);
    expect(plan.totalKm).toBeLessThan(urgencyKm * 0.6);
    expect(plan.totalKm).toBeCloseTo(
      plan.stops.reduce((sum, s) => sum + (s.legKm ?? 0), 0),
      0,
    );

    await db.person.update({ where: { id: "M01" }, data: { startLat: 25.1, startLng: 117.07 } });
    const fromHome = await buildPlan(db, "M01", "2026-11-27");
    expect(fromHome.start).toEqual({ lat: 25.1, lng: 117.07, from: "person" });
    // The first stop is the nearest shop to the start point.
    expect(["R014", "R004"]).toContain(fromHome.stops[0]?.retailerId);
  });

  it("follows an admin's visit rule over the default", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-24");
    expect((await buildPlan(db, "M01", "2026-11-27")).stops).toEqual([]);
    await setVisitRule(db, "brand_store", 3);
    const plan = await buildPlan(db, "M01", "2026-11-27");
    expect(plan.stops).toHaveLength(6);
    expect(kinds(plan.stops[0]?.reasons ?? [])).toEqual(["due"]);
  });

  it("ticks off visited shops and sets aside skipped ones", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-01");
    const plan = await buildPlan(db, "M01", "2026-11-27");
    const [a, b] = plan.stops;
    if (!a || !b) throw new Error("the plan has at least two stops");
    await logVisit(db, a.retailerId, "2026-11-27");
    const offPlan = (await db.retailer.findMany({ where: { managerId: "M01" } })).find(
      (r) => !plan.stops.some((s) => s.retailerId === r.id),
    )!;
    await logVisit(db, offPlan.id, "2026-11-27");
    await recordSkip(db, "M01", b.retailerId, "2026-11-27", "今天关门");
    const again = await buildPlan(db, "M01", "2026-11-27");
    expect(again.stops.map((s) => s.retailerId)).toEqual(plan.stops.map((s) => s.retailerId));
    const progress = await planProgress(db, again);
    expect(progress.done.map((s) => s.retailerId)).toEqual([a.retailerId]);
    expect(progress.skipped).toEqual([
      { stop: expect.objectContaining({ retailerId: b.retailerId }), reason: "今天关门" },
    ]);
    expect(progress.remaining).toHaveLength(plan.stops.length - 2);
    expect(progress.extra).toEqual([{ retailerId: offPlan.id, name: offPlan.name }]);
  });
});
