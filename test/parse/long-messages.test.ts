/**
 * Long repetitive messages (issue 20: «修改 #» and «张记便利店 中华断货 » 400 times took 10 s in the line
 * grouping). Their results, not their time: scripts/bench/parse-scaling.ts measures the time.
 */
import { describe, expect, it } from "vitest";
import { parse, visits, WED_AUSTIN } from "./helpers.js";

describe("a long repetitive message", () => {
  it("should read the message that froze the server as one visit with one question per unclear product", () => {
    const { result, out } = parse(`修改 #${"张记便利店 中华断货 ".repeat(400)}`, "M02");
    expect(result.text).toHaveLength(4404);
    expect(out.intent).toBe("visit_log");
    expect(visits(out)).toEqual([
      expect.objectContaining({ retailer: "R035", outOfStock: [], activities: ["stock_check"] }),
    ]);
    const issues = result.records[0]?.issues ?? [];
    expect(issues).toHaveLength(400);
    expect(new Set(issues.map((i) => i.kind))).toEqual(new Set(["uncertain_product"]));
  });

  it("should keep every count and the stock-out of a shop named 200 times", () => {
    const { out } = parse("张记便利店 软中华断货 硬中华还有3条 ".repeat(200), "M02");
    const [visit, ...more] = visits(out);
    expect(more).toEqual([]);
    expect(visit).toMatchObject({ retailer: "R035", outOfStock: ["T002"], orders: [], activities: ["stock_check"] });
    expect(visit?.stock).toEqual(Array.from({ length: 200 }, () => ({ sku: "T001", qty: 3, unit: "carton" })));
  });

  it("should ask once which shop a name the roster does not hold is, however often it is repeated", () => {
    const { result, out } = parse("阿强便利店 软中华断货 ".repeat(300), "M02");
    expect(visits(out)).toEqual([expect.objectContaining({ retailer: null, outOfStock: ["T002"] })]);
    expect(result.records[0]?.issues).toEqual([
      { kind: "unknown_retailer", mention: expect.objectContaining({ text: "阿强便利店" }) },
    ]);
  });

  it("should read a long English report the same way line after line", () => {
    const { out } = parse("Lone Star out of Coke Zero, 2 cases Sprite. ".repeat(100), "M07", WED_AUSTIN);
    const [visit, ...more] = visits(out);
    expect(more).toEqual([]);
    expect(visit).toMatchObject({ retailer: "R160", outOfStock: ["B002"] });
    expect(visit?.stock).toEqual(Array.from({ length: 100 }, () => ({ sku: "B004", qty: 2, unit: "case" })));
  });
});
