/** What the conversation layer needs from a parse: questions instead of dropped or misplaced facts. */
import { describe, expect, it } from "vitest";
import type { ParseIssue } from "../../src/parse/index.js";
import { firstOf, onlyVisit, parse, WED, WED_AUSTIN } from "./helpers.js";

const issuesOf = (text: string, sender: string, now = WED): ParseIssue[] =>
  parse(text, sender, now).result.records.flatMap((r) => r.issues);

describe("a quantity with no unit", () => {
  it.each([
    ["张记便利店 红塔山还剩12", "M02", WED, "T007", 12],
    ["张记便利店 红塔山还剩十二", "M02", WED, "T007", 12],
    ["张记便利店 软中华3", "M02", WED, "T002", 3],
    ["Joe's Coke Zero 5", "M07", WED_AUSTIN, "B002", 5],
  ])("%s keeps the line with unit null and asks for the unit", (text, sender, now, sku, qty) => {
    const { result, out } = parse(text, sender, now);
    const v = firstOf(out.records);
    expect(v.type === "visit" && v.stock).toEqual([{ sku, qty, unit: null }]);
    expect(v.type === "visit" && v.activities).toContain("stock_check");
    expect(firstOf(result.records).issues).toContainEqual(expect.objectContaining({ kind: "missing_unit", sku, qty }));
  });

  it("reads a vague count with no unit as a vague amount, with nothing to ask", () => {
    const { result, out } = parse("张记便利店 红塔山还剩十几", "M02");
    const v = firstOf(out.records);
    expect(v.type === "visit" && v.stock).toEqual([{ sku: "T007", qty: null, unit: null }]);
    expect(firstOf(result.records).issues).toEqual([]);
  });

  it.each(["张记便利店 红塔山25元", "张记便利店 红塔山3点到的", "张记便利店 红塔山还有12条"])(
    "%s raises no missing unit",
    (text) => {
      expect(issuesOf(text, "M02").filter((i) => i.kind === "missing_unit")).toEqual([]);
    },
  );
});

describe("an unknown product next to an amount", () => {
  it.each([
    ["张记便利店 大重九5条 软中华断货", "M02", WED, "大重九"],
    ["张记便利店 软中华断货 大重九还有5条", "M02", WED, "大重九"],
    ["Joe's 3 cases of Dr Pepper", "M07", WED_AUSTIN, "Dr Pepper"],
    ["Joe's: Coke Zero 2 cases, Dr Pepper 3 cases", "M07", WED_AUSTIN, "Dr Pepper"],
  ])("%s asks about the product word, and the amount goes to no other product", (text, sender, now, word) => {
    const { result, out } = parse(text, sender, now);
    expect(firstOf(result.records).issues).toContainEqual(
      expect.objectContaining({ kind: "unknown_product", mention: expect.objectContaining({ text: word }) }),
    );
    const v = firstOf(out.records);
    const lines = v.type === "visit" ? [...v.stock, ...v.orders] : [];
    expect(lines.every((l) => l.qty !== 5 && l.qty !== 3)).toBe(true);
  });
});

it("asks about an amount with no product word instead of dropping it silently", () => {
  const { result, out } = parse("张记便利店  5条 软中华断货", "M02");
  expect(firstOf(result.records).issues).toEqual([
    expect.objectContaining({ kind: "unclear_text", mention: expect.objectContaining({ text: "5条" }) }),
  ]);
  const v = firstOf(out.records);
  expect(v.type === "visit" && v.stock).toEqual([]);
});

it("gives an unknown name's question the count it seemed to have, to leave out together", () => {
  const { result } = parse("张记便利店 大重九还有5条 软中华断货", "M02");
  expect(firstOf(result.records).issues).toContainEqual(
    expect.objectContaining({ kind: "unknown_product", count: expect.objectContaining({ text: "大重九还有5条" }) }),
  );
});

describe("follow-up phrasings", () => {
  it.each([
    ["Joe's Market follow-up Friday", "M07", WED_AUSTIN, "2026-11-27"],
    ["Joe's Market follow up on Friday", "M07", WED_AUSTIN, "2026-11-27"],
    ["Joe's Market next visit Monday", "M07", WED_AUSTIN, "2026-11-30"],
    ["Walnut Creek Deli was closed, will try again tomorrow", "M08", WED_AUSTIN, "2026-11-26"],
    ["张记 下次周五去", "M02", WED, "2026-11-27"],
    ["张记 回访改到下周一", "M02", WED, "2026-11-30"],
  ])("%s → a follow-up the text said (%s)", (text, sender, now, day) => {
    const r = firstOf(parse(text, sender, now).result.records);
    expect(r.type === "visit" && r.followUp).toMatchObject({ value: day, source: "said" });
  });
});

describe("a shop the roster does not hold", () => {
  it.each([
    ["今天去了阿强便利店 软中华断货", "M02", WED, "阿强便利店", "T002"],
    ["去阿强店看了下 软中华断货", "M02", WED, "阿强店", "T002"],
    ["stopped by Bob's Liquor, out of Topo", "M07", WED_AUSTIN, "Bob's Liquor", "B010"],
  ])("%s is a visit with no retailer and an unknown_retailer question", (text, sender, now, mention, sku) => {
    const { result, out } = parse(text, sender, now);
    expect(out.intent).toBe("visit_log");
    expect(out.records).toEqual([expect.objectContaining({ retailer: null, ambiguous: null, outOfStock: [sku] })]);
    expect(firstOf(result.records).issues).toEqual([
      { kind: "unknown_retailer", mention: expect.objectContaining({ text: mention }) },
    ]);
  });

  it("keeps the facts of a known shop named beside it on that shop", () => {
    const { out } = parse("今天去了阿强便利店和张记 阿强那边软中华断货 张记红塔山2条", "M02");
    expect(out.records).toEqual([
      expect.objectContaining({ retailer: null, outOfStock: ["T002"], stock: [] }),
      expect.objectContaining({ retailer: "R035", outOfStock: [], stock: [{ sku: "T007", qty: 2, unit: "carton" }] }),
    ]);
  });

  it.each([
    ["宋记 老板说隔壁新开了一家烟酒店 生意被抢了不少", "M06", WED],
    ["今天去了店里 软中华断货", "M02", WED],
    ["张记便利店 店里软中华断货", "M02", WED],
    ["oops, ignore my last msg, wrong store", "M08", WED_AUSTIN],
    ["went to the store, out of topo", "M07", WED_AUSTIN],
    ["covering Priya's route today, stopped by QS12", "M07", WED_AUSTIN],
    ["Today's visit at Joe's: out of Topo", "M07", WED_AUSTIN],
  ])("%s names no unknown shop", (text, sender, now) => {
    expect(issuesOf(text, sender, now).filter((i) => i.kind === "unknown_retailer")).toEqual([]);
  });

  it("does not treat another team's shop, named by its chain, as unknown", () => {
    expect(issuesOf("今天去了永辉超市 软中华断货", "M01").filter((i) => i.kind === "unknown_retailer")).toEqual([]);
  });
});

describe("an event only wished for", () => {
  it.each([
    ["老邓百货 老板说元旦想搞个买赠 天叶卖光了", "M05", WED],
    ["Lone Star: owner asked if we can do a BOGO on Monster next month", "M08", WED_AUSTIN],
  ])("%s is a visit, not a promotion", (text, sender, now) => {
    const { out } = parse(text, sender, now);
    expect(out.intent).toBe("visit_log");
    expect(onlyVisit(text, sender, now).feedback).toBe(true);
  });
});
