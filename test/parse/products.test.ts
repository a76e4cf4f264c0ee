import { describe, expect, it } from "vitest";
import { candidateProducts } from "../../src/parse/index.js";
import { firstOf, onlyVisit, parse, WED_AUSTIN } from "./helpers.js";

const outOfStock = (text: string, sender = "M01", now?: string) => onlyVisit(text, sender, now).outOfStock;

describe("product mentions", () => {
  it.each([
    ["新华都 软中华断货", "T002"],
    ["新华都 中华软断货", "T002"],
    ["新华都 软包中华断货", "T002"],
    ["新华都 中华软的断货", "T002"],
    ["新华都 软中断货", "T002"],
    ["新华都 软中花断货", "T002"], // homophone typo
    ["新华都 旋赫门断货", "T015"], // homophone typo
    ["新华都 硬中断货", "T001"],
    ["新华都 新版利群断货", "T011"],
    ["新华都 休闲利群断货", "T012"],
    ["新华都 利群断货", "T011"],
    ["新华都 精白沙断货", "T021"],
    ["新华都 利裙断货", "T011"], // homophone on a name with a character shop names share (利)
    ["新华都 红塔删断货", "T007"],
  ])("%s → %s", (text, sku) => {
    expect(outOfStock(text)).toEqual([sku]);
  });

  it.each([
    ["Joe's: out of coke zero", "B002"],
    ["Joe's: out of Coke 12 packs", "B001"],
    ["Joe's: out of diet coke 2 liter", "B003"],
    ["Joe's: out of MM OJ", "B009"],
    ["Joe's: out of Sprit", "B004"], // typo
    ["Joe's: out of SMARTWATER", "B012"],
    ["Joe's: out of Coke Zer0", "B002"], // a zero typed for the letter o
  ])("%s → %s", (text, sku) => {
    expect(outOfStock(text, "M07", WED_AUSTIN)).toEqual([sku]);
  });

  it("keeps a brand alone as an uncertain product with its candidates, never a guess", () => {
    const { result, out } = parse("新华都 中华断货了");
    const v = firstOf(out.records);
    expect(v.type === "visit" && v.outOfStock).toEqual([]);
    expect(firstOf(result.products).candidates.map((c) => c.sku)).toEqual(["T001", "T002", "T003"]);
    expect(firstOf(result.records).issues).toContainEqual(expect.objectContaining({ kind: "uncertain_product" }));
    expect(candidateProducts(result).map((c) => c.sku)).toEqual(["T001", "T002", "T003"]);
  });
});

describe("stock, orders and listings", () => {
  it("reads stock counts, stock-outs and orders of one shop", () => {
    const v = onlyVisit("老邓百货 天叶8条 荷花5条 起源只剩2包了 订了起源3条", "M05");
    expect(v.stock).toEqual([
      { sku: "T022", qty: 8, unit: "carton" },
      { sku: "T026", qty: 5, unit: "carton" },
      { sku: "T025", qty: 2, unit: "pack" },
    ]);
    expect(v.orders).toEqual([{ sku: "T025", qty: 3, unit: "carton" }]);
    expect(v.activities.sort()).toEqual(["order", "stock_check"]);
  });

  it("reads a run-on count for the product before it, not the next one (软中花还有五条硬中华卖光了)", () => {
    const v = onlyVisit("老曹超市那边软中花还有五条硬中华卖光了", "M01");
    expect(v.stock).toEqual([{ sku: "T002", qty: 5, unit: "carton" }]);
    expect(v.outOfStock).toEqual(["T001"]);
  });

  it("reads English abbreviations and a verb after the line (10cs, 18 ea, OOS, … ordered)", () => {
    const v = onlyVisit(
      "HEB Mueller: Coke 12pk 10cs, Monster 18 ea, smartwater OOS, 5 cs Sprite 12pk ordered",
      "M07",
      WED_AUSTIN,
    );
    expect(v.stock).toEqual([
      { sku: "B001", qty: 10, unit: "case" },
      { sku: "B006", qty: 18, unit: "unit" },
    ]);
    expect(v.orders).toEqual([{ sku: "B004", qty: 5, unit: "case" }]);
    expect(v.outOfStock).toEqual(["B012"]);
  });

  it("does not carry a stock-out back over a product counted on its own (6 btl Gatorade, Powerade OOS)", () => {
    expect(onlyVisit("GV: 6 btl Gatorade, Powerade OOS", "M08", WED_AUSTIN).outOfStock).toEqual(["B008"]);
  });

  it("spreads 各 over the products listed before it", () => {
    expect(onlyVisit("鑫源软中硬中各5条", "M02").stock).toEqual([
      { sku: "T002", qty: 5, unit: "carton" },
      { sku: "T001", qty: 5, unit: "carton" },
    ]);
  });

  it("gives vague amounts no qty and no unit", () => {
    expect(onlyVisit("老杨家 白狼还剩十几条", "M04").stock).toEqual([{ sku: "T017", qty: null, unit: null }]);
    expect(onlyVisit("Walnut Creek is low on dasani", "M08", WED_AUSTIN).stock).toEqual([
      { sku: "B005", qty: null, unit: null },
    ]);
  });

  it("links an amount before its product (两件炫赫门, 3 cases of Coke Zero)", () => {
    expect(onlyVisit("老何 让他多拿了两件炫赫门", "M04").orders).toEqual([{ sku: "T015", qty: 2, unit: "case" }]);
    expect(onlyVisit("Joe's had 3 cases of Coke Zero", "M07", WED_AUSTIN).stock).toEqual([
      { sku: "B002", qty: 3, unit: "case" },
    ]);
  });

  it("reads listings on either side of 上柜", () => {
    expect(onlyVisit("阳光的纯境今天上柜了", "M04").listed).toEqual(["T019"]);
    expect(onlyVisit("宋记小卖部 帮老板上柜了真龙起源", "M06").listed).toEqual(["T025"]);
    expect(onlyVisit("QS12 got them to carry smartwater", "M08", WED_AUSTIN).listed).toEqual(["B012"]);
  });

  it("asks for a missing unit instead of guessing one", () => {
    const { result, out } = parse("Joe's: Monster 12, out of Topo", "M07", WED_AUSTIN);
    const v = firstOf(out.records);
    expect(v.type === "visit" && v.stock).toEqual([{ sku: "B006", qty: 12, unit: null }]);
    expect(firstOf(result.records).issues).toContainEqual(
      expect.objectContaining({ kind: "missing_unit", sku: "B006", qty: 12 }),
    );
  });

  it("does not count the mechanics of a gift offer (买一条送…) as stock", () => {
    const { out } = parse("周六在西安南路罗森做红塔山买赠 买一条送烟灰缸 一天卖了15条", "M02");
    expect(out.records).toEqual([
      expect.objectContaining({ type: "promotion", sales: [{ sku: "T007", qty: 15, unit: "carton" }] }),
    ]);
  });
});
