/**
 * The rules by kind (issue 15), each with wordings of its own: orders vs stock, event sales, promised
 * actions and their days, display and policy work, questions about a shop, stock-outs that stay on
 * their product, two names of one brand, tied sales told as stories, plain-word feedback.
 */
import { describe, expect, it } from "vitest";
import { onlyVisit, parse, WED, WED_AUSTIN } from "./helpers.js";

const zh = (text: string) => onlyVisit(text, "M02", WED);
const en = (text: string) => onlyVisit(text, "M07", WED_AUSTIN);

describe("orders, listings and stock", () => {
  it.each([
    ["郭记副食店 又上了3条黄金叶 老板挺满意", { listed: ["T022"], orders: [{ sku: "T022", qty: 3, unit: "carton" }] }],
    [
      "张记便利店 补了两条芙蓉王 利群剩4条",
      { orders: [{ sku: "T010", qty: 2, unit: "carton" }], stock: [{ sku: "T011", qty: 4, unit: "carton" }] },
    ],
  ])("%s", (text, facts) => {
    expect(zh(text)).toMatchObject(facts);
  });

  it.each([
    [
      "Sunrise Mart took 4 cs dasani, 1 cs monster in back",
      { orders: [{ sku: "B005", qty: 4, unit: "case" }], stock: [{ sku: "B006", qty: 1, unit: "case" }] },
    ],
    [
      "Sunrise Mart ordered 2 cs fanta, 5 cs gatorade left",
      { orders: [{ sku: "B011", qty: 2, unit: "case" }], stock: [{ sku: "B007", qty: 5, unit: "case" }] },
    ],
  ])("%s", (text, facts) => {
    expect(en(text)).toMatchObject(facts);
  });
});

describe("a stock-out stays on its product", () => {
  it("OOS before a product names that product", () => {
    expect(onlyVisit("qs12: 2 cases dasani, OOS fanta", "M08", WED_AUSTIN)).toMatchObject({
      stock: [{ sku: "B005", qty: 2, unit: "case" }],
      outOfStock: ["B011"],
    });
  });

  it.each([
    ["Sunrise Mart 6 cs Fanta left, OOS Dasani", ["B005"]],
    ["Sunrise Mart 1 cs gatorade, cashier out sick today", []],
  ])("%s", (text, oos) => {
    expect(en(text).outOfStock).toEqual(oos);
  });

  it.each([
    ["鑫源烟酒 软玉溪硬玉溪都没货了", ["T004", "T005"]],
    ["鑫源烟酒 软中华双中支断了", ["T002", "T003"]],
  ])("%s: two names of one brand written together", (text, oos) => {
    expect(zh(text).outOfStock).toEqual(oos);
  });

  it("a count written before the next product's stock-out counts the product before it", () => {
    expect(zh("鑫源烟酒 软中华6条双中支缺货")).toMatchObject({
      stock: [{ sku: "T002", qty: 6, unit: "carton" }],
      outOfStock: ["T003"],
    });
  });
});

describe("promised actions and their days", () => {
  it.each([
    ["鑫源烟酒 下周一帮他问一下许可证的事", "2026-11-30"],
    ["鑫源烟酒 后天给老板回个电话", "2026-11-27"],
  ])("%s → %s", (text, day) => {
    expect(zh(text).followUp).toBe(day);
  });

  it.each([
    ["Sunrise Mart: I'll email the distributor Friday about the missing Fanta", "2026-11-27"],
    ["Sunrise Mart 2 cs dasani, back Thursday after next", "2026-12-10"],
    ["Sunrise Mart 2 cs dasani, swing by week after next", "2026-12-07"],
  ])("%s → %s", (text, day) => {
    expect(en(text).followUp).toBe(day);
  });

  it("what the owner or someone else will do is not a promise", () => {
    expect(en("Sunrise Mart: the manager will call the distributor Friday").followUp).toBeNull();
  });
});

describe("display and policy work", () => {
  it.each([
    ["鑫源烟酒 补了几张新价签", ["display", "price_check"]],
    ["鑫源烟酒 老板要了点宣传海报", []],
  ])("%s", (text, activities) => {
    expect(zh(text).activities).toEqual(activities);
  });
});

describe("questions about a shop", () => {
  it.each([
    ["鑫源烟酒最近咋样", "M02", WED],
    ["老陈超市那边情况如何？", "M02", WED],
    ["when was anyone last at Sunrise Mart?", "M07", WED_AUSTIN],
  ])("%s is a shop-history question", (text, sender, now) => {
    expect(parse(text, sender, now).out.intent).toBe("retailer_query");
  });
});

describe("red flags and feedback in plain words", () => {
  it.each([["鑫源烟酒 店主说批发部讲不拿利群就不给他批软中华"], ["鑫源烟酒 上个月被业务员塞了三条通仙 卖不动"]])(
    "%s is a compliance story",
    (text) => {
      const v = zh(text);
      expect(v.compliance).toBe(true);
      expect(v.orders).toEqual([]);
      expect(v.stock).toEqual([]);
    },
  );

  it("a tied sale told in English", () => {
    expect(en("Sunrise Mart: rep told the owner he gets no fanta only if he takes 3 cs monster").compliance).toBe(true);
  });

  it.each([["鑫源烟酒 老板娘有点生气"], ["鑫源烟酒 店主不太乐意"]])("%s is feedback", (text) => {
    expect(zh(text).feedback).toBe(true);
  });

  it("plain-word feedback in English", () => {
    expect(en("Sunrise Mart manager seemed pretty frustrated about deliveries").feedback).toBe(true);
  });
});

describe("writing styles", () => {
  it.each([
    ["@王芳 鑫源烟酒 利群休闲还有7条", { retailer: "R033", stock: [{ sku: "T012", qty: 7, unit: "carton" }] }],
    [
      "鑫源烟酒今天去了紫云还剩3条白沙断货了后天再过去",
      { stock: [{ sku: "T009", qty: 3, unit: "carton" }], outOfStock: ["T021"], followUp: "2026-11-27" },
    ],
    ["鑫源烟酒 红塔山 only 5条 left 老板说 ok", { stock: [{ sku: "T007", qty: 5, unit: "carton" }] }],
  ])("%s", (text, facts) => {
    expect(zh(text)).toMatchObject(facts);
  });
});

describe("work promised for the next visit is not work done", () => {
  it.each([
    ["鑫源烟酒 利群还有3条 月底再过来帮他整理柜台", ["stock_check"]],
    ["鑫源烟酒 整理了柜台 月底再过来", ["display"]],
  ])("%s", (text, activities) => {
    expect(zh(text).activities).toEqual(activities);
  });

  it("in English", () => {
    expect(en("Sunrise Mart 2 cs dasani, back Monday to fix the shelf tags").activities).toEqual(["stock_check"]);
  });
});
