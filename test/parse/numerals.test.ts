import { describe, expect, it } from "vitest";
import { isVagueChinese, parseChineseNumber } from "../../src/parse/common/numerals.js";

describe("Chinese numerals", () => {
  it.each([
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["一百二", 120],
    ["一百二十", 120],
    ["一百零五", 105],
    ["三千", 3000],
    ["一千二", 1200],
  ])("reads %s as %d", (text, n) => {
    expect(parseChineseNumber(text)).toBe(n);
  });

  it.each(["十几", "二十多", "五六", "几", "一百来"])("treats %s as a vague amount", (text) => {
    expect(isVagueChinese(text)).toBe(true);
  });

  it("rejects a digit run that is not a number", () => {
    expect(parseChineseNumber("二三")).toBeNull();
  });
});
