/**
 * What the owner says, as against what the manager did: feedback said in more ways (老陈说, 诉苦,
 * 不开心), work words inside the owner's speech that are not this visit's work, and forced listings
 * or stock told as a story. Fixed `now`, one table per rule; no line is from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { onlyVisit, WED_AUSTIN } from "./helpers.js";

describe("owner feedback said in more ways", () => {
  it.each([
    "老王家 老王说最近假烟多 生意难做",
    "新华都 老板跟我诉苦 说房租又涨了",
    "新华都 老板娘今天有点不开心 嫌配的货太少",
    "新华都 软中华3条 他还说想多进点利群",
    "新华都 软中华断货 老板想多要点软中华 先订了2条硬中华",
  ])("%s is feedback", (text) => {
    expect(onlyVisit(text).feedback).toBe(true);
  });

  it("keeps an owner's plain order an order, not feedback", () => {
    const v = onlyVisit("新华都 老板说想订两件红塔山");
    expect(v.feedback).toBe(false);
    expect(v.orders).toEqual([{ sku: "T007", qty: 2, unit: "case" }]);
  });
});

describe("work words inside the owner's speech", () => {
  it.each([
    ["新华都 老板说扫码枪老是扫不出来 过两天去帮他弄", []],
    ["新华都 老板说有人让他必须把宽窄摆上柜 硬中华3条", ["stock_check"]],
    ["新华都 老板说价签太旧了 软中华2条", ["stock_check"]],
  ])("%s → activities %j", (text, activities) => {
    expect(onlyVisit(text).activities.sort()).toEqual(activities);
  });

  it.each([
    ["新华都 老板说扫码枪坏了 我当场帮他修好了", "service"],
    ["新华都老板问能不能帮他开通云POS扫码我弄好了", "service"],
    ["新华都 老板说价签旧了 我帮他换了新价签", "display"],
  ])("%s still counts the manager's own work (%s)", (text, activity) => {
    expect(onlyVisit(text).activities).toContain(activity);
  });

  it("reads 讲了陈列标准 as policy, not display", () => {
    expect(onlyVisit("新华都 讲了下新的陈列标准").activities).toEqual(["policy"]);
  });
});

describe("forced listings and stock told as a story", () => {
  it.each([
    "新华都 老板说有人让他必须把宽窄摆上柜 不摆就不给他配紧俏烟",
    "新华都 他说有人让他把硬金砂摆上柜 不摆就扣他的档位",
  ])("%s is flagged", (text) => {
    expect(onlyVisit(text).compliance).toBe(true);
  });

  it("flags stock the owner never ordered", () => {
    const v = onlyVisit("Joe's: delivery came with 3 extra cases of Monster he never ordered", "M07", WED_AUSTIN);
    expect(v.compliance).toBe(true);
  });
});

describe("English shelf and event words", () => {
  it("reads 'moved the display' as display work", () => {
    expect(onlyVisit("Joe's: the rack was blocking the door so I moved it", "M07", WED_AUSTIN).activities).toContain(
      "display",
    );
  });

  it("reads a product listed with its pack size ('got the Topo Chico 12pk on the shelf')", () => {
    expect(onlyVisit("Joe's: got the Topo Chico 12pk on the shelf today", "M07", WED_AUSTIN).listed).toEqual(["B010"]);
  });
});

describe("promises inside the owner's words", () => {
  it.each(["新华都 软中华3条 老板说等过年人多了再搞一次", "新华都 软中华3条 老板说下个月再进点利群"])(
    "%s is the owner's plan, not a follow-up",
    (text) => {
      expect(onlyVisit(text).followUp).toBeNull();
    },
  );

  it.each([
    ["新华都 软中华3条 老板说让我过两天再来看看", "unspecified"],
    ["新华都 软中华3条 老板说最近生意不好 我下周三再过去", "2026-12-02"],
  ])("%s keeps the writer's promise (%s)", (text, followUp) => {
    expect(onlyVisit(text).followUp).toBe(followUp);
  });
});

describe("dictated reports with no punctuation", () => {
  it.each([
    ["新华都老板说利群卖得快帮他理了一下货架软中华三条", ["display", "stock_check"]],
    ["新华都老板说价签旧了顺手帮他换了新价签", ["display", "price_check"]],
    ["新华都老板说扫码枪坏了已经帮他报修了", ["service"]],
  ])("%s still counts the work done (%j)", (text, activities) => {
    expect(onlyVisit(text).activities.sort()).toEqual(activities);
  });

  it("keeps the writer's own visit promise after the owner's words (…下周一再去)", () => {
    expect(onlyVisit("去了新华都硬中华五条老板说利群卖得快下周一再去").followUp).toBe("2026-11-30");
  });
});
