import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/locales/index.js";
import { answerPlanQuery, renderPlan, skipShop, type VisitPlan } from "../../src/plans/index.js";
import { PROVIDERS } from "../support/databases.js";
import { closeDatabasesAfterEach, freshFixtures, logVisit, visitEveryShop } from "./plan-setup.js";

closeDatabasesAfterEach();

const zh = messagesFor("zh");
const en = messagesFor("en");
const longyan = { id: "M01", timezone: "Asia/Shanghai" };

const plan: VisitPlan = {
  personId: "M03",
  personName: "张伟",
  day: "2026-11-26",
  dayOff: null,
  capacity: 25,
  start: { lat: 25.1, lng: 117.0, from: "person" },
  totalKm: 23.4,
  deferred: [{ retailerId: "R060", name: "某店", urgency: 400 }],
  stops: [
    {
      order: 1,
      retailerId: "R050",
      name: "张记便利店",
      segment: "brand_store",
      address: "",
      lat: 25.1,
      lng: 117.01,
      lastVisit: "2026-11-16",
      urgency: 600,
      legKm: 1.2,
      reasons: [{ kind: "due", segment: "brand_store", everyDays: 7, lastVisit: "2026-11-16", overdueDays: 3 }],
    },
    {
      order: 2,
      retailerId: "R014",
      name: "老王烟酒店",
      segment: "brand_store",
      address: "",
      lat: 25.11,
      lng: 117.06,
      lastVisit: "2026-11-20",
      urgency: 1080,
      legKm: 5.4,
      reasons: [
        { kind: "follow_up", promisedOn: "2026-11-20", forDay: "2026-11-26", lateDays: 0 },
        {
          kind: "stock_out",
          reportedOn: "2026-11-20",
          products: [
            { sku: "T002", name: "中华(软)" },
            { sku: "T005", name: "玉溪(硬)" },
          ],
        },
      ],
    },
    {
      order: 3,
      retailerId: "R033",
      name: "惠民超市",
      segment: "standard",
      address: "",
      lat: 25.12,
      lng: 117.07,
      lastVisit: null,
      urgency: 614,
      legKm: 1.3,
      reasons: [
        { kind: "never_visited", segment: "standard", everyDays: 28 },
        { kind: "target", month: "2026-11", products: [{ sku: "T003", name: "中华(双中支)" }] },
        { kind: "feedback", reportedOn: "2026-11-19", text: "老板希望多分点紧俏烟" },
      ],
    },
  ],
};

describe("plan wording", () => {
  it("reads naturally in Chinese", () => {
    expect(renderPlan(plan, zh, { today: "2026-11-26" })[0]).toEqual({
      kind: "text",
      text: [
        "今天计划拜访 3 家（路线约 23.4 公里）：",
        "1. 张记便利店 — 到期（品牌店每周1次，已逾期3天）",
        "2. 老王烟酒店 — 约定回访（11月20日说好11月26日再来）；断货待跟进：中华(软)、玉溪(硬)（11月20日报的）",
        "3. 惠民超市 — 还没拜访过（普通店每四周1次）；本月培育品规未上柜：中华(双中支)；老板反馈待回复：“老板希望多分点紧俏烟”",
        "另有 1 家到期的店今天排不下，会顺延到之后的计划。",
      ].join("\n"),
    });
  });

  it("reads naturally in English, with miles for US reps", () => {
    expect(renderPlan(plan, en, { today: "2026-11-25" })[0]).toEqual({
      kind: "text",
      text: [
        "Plan for Thu, Nov 26: 3 stores, route about 23.4 km (14.5 mi):",
        "1. 张记便利店 — due (brand store, weekly; 3 days overdue)",
        "2. 老王烟酒店 — follow-up promised on Nov 20 for Nov 26; out of stock: 中华(软), 玉溪(硬) (reported Nov 20)",
        '3. 惠民超市 — no visit on record (standard store, every 4 weeks); this month\'s focus products not on shelf: 中华(双中支); owner feedback to answer: "老板希望多分点紧俏烟"',
        "1 more store is due but over today's capacity; they move to the next plans.",
      ].join("\n"),
    });
  });

  it("says when a day is off", () => {
    expect(renderPlan({ ...plan, dayOff: "weekend", stops: [] }, zh, { today: "2026-11-26" })[0]).toMatchObject({
      text: "今天休息，没有拜访计划。",
    });
    expect(renderPlan({ ...plan, day: "2026-10-01", dayOff: "holiday", stops: [] }, en)[0]).toMatchObject({
      text: "Thu, Oct 1 is a holiday: no visit plan.",
    });
  });
});

describe.each(PROVIDERS)("plan questions in chat on $name", ({ create }) => {
  it("answers 今天还剩哪几家 with what is done, skipped and left", async () => {
    const db = await freshFixtures(create);
    await visitEveryShop(db, "M01", "2026-11-25");
    await db.visit.deleteMany({ where: { retailerId: { in: ["R014", "R003", "R004"] } } });
    await logVisit(db, "R014", "2026-11-19", { followUp: "2026-11-26" });
    await logVisit(db, "R003", "2026-11-18");
    await logVisit(db, "R004", "2026-11-19");
    const now = new Date("2026-11-26T06:00:00Z"); // 14:00 in Longyan
    const morning = await answerPlanQuery(db, longyan, now, zh);
    expect(morning[0]).toMatchObject({ text: expect.stringMatching(/^今天计划 3 家，已完成 0 家，还剩 3 家：\n/) });

    await logVisit(db, "R014", "2026-11-26");
    const skip = await skipShop(db, "M01", "R004", "2026-11-26", "今天关门", zh);
    expect(skip).toEqual([
      { kind: "text", text: "好的，郭记烟酒商行今天先不去了（今天关门），已记下。这家店还会排进之后的计划。" },
    ]);
    const later = await answerPlanQuery(db, longyan, now, zh);
    expect((later[0] as { text: string }).text.split("\n")).toEqual([
      "今天计划 3 家，已完成 1 家，跳过 1 家，还剩 1 家：",
      "1. 新华都超市 — 到期（品牌店每周1次，已逾期1天）",
      "已完成：老王烟酒店",
      "跳过：郭记烟酒商行（今天关门）",
    ]);

    await logVisit(db, "R003", "2026-11-26");
    const done = await answerPlanQuery(db, longyan, now, en);
    expect((done[0] as { text: string }).text.split("\n")[0]).toBe(
      "All 3 planned stores for today are handled (1 skipped). Nice work!",
    );
  });

  it("plans in the person's own time zone", async () => {
    const db = await freshFixtures(create);
    // 23:30 UTC on the 27th (Friday) is Saturday morning in Longyan: a day off there.
    const reply = await answerPlanQuery(db, longyan, new Date("2026-11-27T23:30:00Z"), zh);
    expect(reply[0]).toMatchObject({ text: "今天休息，没有拜访计划。" });
    const austin = await answerPlanQuery(
      db,
      { id: "M07", timezone: "America/Chicago" },
      new Date("2026-11-27T23:30:00Z"),
      en,
    );
    expect((austin[0] as { text: string }).text).toMatch(/^Today: 15 planned, 0 done, 15 to go:/);
  });
});
