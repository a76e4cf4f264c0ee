/** Full-width forms and Traditional characters are read as their plain and Simplified forms, offsets kept. */
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/parse/common/normalize.js";
import { onlyVisit, parse } from "./helpers.js";

describe("normalizeText", () => {
  it.each([
    ["鑫源煙酒 雙中支斷貨", "鑫源烟酒 双中支断货"],
    ["紫雲８條，ＯＫ", "紫云8条，ok"],
    ["下週三過來 😀 ㎏", "下周三过来 😀 ㎏"],
  ])("%s → %s, one character for one", (text, plain) => {
    expect(normalizeText(text)).toBe(plain);
    expect(normalizeText(text)).toHaveLength(text.length);
  });
});

describe("reports in Traditional characters or full-width digits", () => {
  it.each([
    ["鑫源煙酒 紫雲還剩６條 雙中支斷貨了", { stock: [{ sku: "T009", qty: 6, unit: "carton" }], outOfStock: ["T003"] }],
    [
      "張記便利店 軟中華還有１２條 老闆說想多要點",
      { stock: [{ sku: "T002", qty: 12, unit: "carton" }], feedback: true },
    ],
  ])("%s", (text, facts) => {
    expect(onlyVisit(text, "M02")).toMatchObject(facts);
  });

  it("quotes the sender's own characters back", () => {
    const { result } = parse("張記便利店 軟中華還有１２條", "M02");
    expect(result.products[0]?.mention.text).toBe("軟中華");
  });
});
