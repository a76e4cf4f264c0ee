import { describe, expect, it } from "vitest";
import { findAmounts } from "../../src/parse/extract/amounts.js";
import { firstOf } from "./first.js";
import { onlyVisit, parse, WED_AUSTIN } from "./helpers.js";

const one = (text: string) => {
  const found = findAmounts(text);
  expect(found).toHaveLength(1);
  const { qty, unit } = firstOf(found, "amount");
  return { qty, unit };
};

describe("amounts with units", () => {
  it.each([
    ["还有12条", 12, "carton"],
    ["两条半", 2.5, "carton"],
    ["一条半", 1.5, "carton"],
    ["1条半", 1.5, "carton"],
    ["一百二十包", 120, "pack"],
    ["6盒", 6, "pack"],
    ["半件", 0.5, "case"],
    ["一件半", 1.5, "case"],
    ["3箱", 3, "case"],
    ["14瓶", 14, "unit"],
    ["3 cases", 3, "case"],
    ["half a case", 0.5, "case"],
    ["a case", 1, "case"],
    ["6 cans", 6, "unit"],
    ["14 bottles", 14, "unit"],
    ["5 extra cases of", 5, "case"],
    ["2 packs", 2, "pack"],
    ["10cs", 10, "case"],
    ["18 ea", 18, "unit"],
    ["24 btls", 24, "unit"],
    ["两件半", 2.5, "case"],
    ["x4 cs", 4, "case"],
    ["x 6 cases", 6, "case"],
    ["x12cans", 12, "unit"],
  ])("%s → %d %s", (text, qty, unit) => {
    expect(one(text)).toEqual({ qty, unit });
  });

  it.each(["十几条", "二十多条", "几包", "五六条", "三四条", "一条多", "两件多"])(
    "%s is a vague amount: no qty, no unit",
    (text) => {
      expect(one(text)).toEqual({ qty: null, unit: null });
    },
  );

  it("reads zero of a product as a stock-out marker", () => {
    expect(firstOf(findAmounts("had 0 gatorade")).zero).toBe(true);
  });

  it.each(["两个品规", "一个半小时", "三家", "下午2点到5点", "12.5%"])("finds no amount in %s", (text) => {
    expect(findAmounts(text)).toEqual([]);
  });

  it("keeps 多拿 after a count an order word, not a vague amount", () => {
    expect(findAmounts("两条多拿了")[0]).toMatchObject({ qty: 2, unit: "carton" });
  });
});

describe("counts in reports", () => {
  it.each([
    ["新华都 利群x5条", { sku: "T011", qty: 5, unit: "carton" }],
    ["新华都 红塔山还有一条多", { sku: "T007", qty: null, unit: null }],
  ])("%s → %j", (text, line) => {
    expect(onlyVisit(text).stock).toEqual([line]);
  });

  it("reads 'monster x4 cs' as four cases", () => {
    expect(onlyVisit("Joe's monster x4 cs", "M07", WED_AUSTIN).stock).toEqual([{ sku: "B006", qty: 4, unit: "case" }]);
  });

  it("asks for the unit of a count after a colon ('monster: 4')", () => {
    const { result, out } = parse("Joe's monster: 4", "M07", WED_AUSTIN);
    expect(out.records[0]).toMatchObject({ stock: [{ sku: "B006", qty: 4, unit: null }] });
    expect(result.records[0]?.issues.map((i) => i.kind)).toEqual(["missing_unit"]);
  });
});
