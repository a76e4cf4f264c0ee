import { describe, expect, it } from "vitest";
import { parse, WED_AUSTIN } from "./helpers.js";

describe("intent", () => {
  it.each([
    ["这个机器人能干啥", "M05", "help"],
    ["how do I use this thing?", "M08", "help"],
    ["can I send a voice note instead of typing?", "M08", "help"],
    ["老王家上次订了几条软中华", "M01", "retailer_query"],
    ["刚才那条发错了 不用管", "M01", "other"],
    ["今天去哪几家", "M01", "plan_query"],
    ["what's on my route today", "M07", "plan_query"],
    ["今天组里谁还没报拜访", "S01", "status_query"],
    ["昨天志强跑了几家", "S01", "status_query"],
    ["这周断货最多的是哪几个规格", "S01", "status_query"],
    ["any stores on the team out of Coke Zero right now?", "S03", "status_query"],
    ["张记上次什么时候去的", "M02", "retailer_query"],
    ["when did we last see Lone Star?", "M08", "retailer_query"],
    ["收到 谢谢", "M01", "other"],
    ["👍", "M03", "other"],
    ["大家这周辛苦了 周末好好休息", "S01", "other"],
    ["今晚在张记搞了个软中华品鉴会 来了23个人", "M02", "promotion_note"],
    ["张记软中华断货了", "M02", "visit_log"],
  ])("%s → %s", (text, sender, intent) => {
    const now = /[a-z]/i.test(text) ? WED_AUSTIN : undefined;
    const { out } = parse(text, sender, now);
    expect(out.intent).toBe(intent);
    if (intent !== "visit_log" && intent !== "promotion_note") expect(out.records).toEqual([]);
  });
});

describe("promotions", () => {
  it("reads format, consumers, duration and sales of a tasting", () => {
    const { out } = parse("今晚在张记搞了个软中华品鉴会 来了23个人 搞了一个半小时 现场卖了8条", "M02");
    expect(out.records).toEqual([
      {
        type: "promotion",
        retailers: ["R035"],
        date: "2026-11-25",
        skus: ["T002"],
        format: "tasting",
        consumers: 23,
        durationMinutes: 90,
        sales: [{ sku: "T002", qty: 8, unit: "carton" }],
      },
    ]);
  });

  it("has no shop for an off-site event", () => {
    const { out } = parse("晚上在龙岩宾馆搞了一场双中支的圈层营销 来了15个人 搞了两个小时", "M03");
    expect(out.records).toEqual([
      expect.objectContaining({ retailers: [], format: "circle", consumers: 15, durationMinutes: 120 }),
    ]);
  });

  it("adds a visit with the promotion activity when the shop had more to report", () => {
    const { out } = parse(
      "set up 2 for $5 on Coke Zero 20oz at 711 Burnet, runs thru the weekend. counted 4 cases in the back too",
      "M07",
      WED_AUSTIN,
    );
    expect(out.records).toEqual([
      expect.objectContaining({ type: "promotion", format: "discount", retailers: ["R153"], skus: ["B002"] }),
      expect.objectContaining({
        type: "visit",
        retailer: "R153",
        activities: expect.arrayContaining(["promotion", "stock_check"]),
      }),
    ]);
  });
});
