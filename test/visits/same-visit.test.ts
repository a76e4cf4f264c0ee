/** Adding a second report of the same shop and day to its visit: nothing said earlier is lost, the newer figure wins. */
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/store/record-store.js";
import { mergeVisit, saysSecondVisit } from "../../src/visits/same-visit.js";

type Visit = Extract<Snapshot, { type: "visit" }>;

const morning: Visit = {
  type: "visit",
  retailer: "R191",
  ambiguous: null,
  date: "2026-11-25",
  activities: ["stock_check"],
  stock: [
    { sku: "T007", qty: 12, unit: "carton" },
    { sku: "T001", qty: 3, unit: "carton" },
  ],
  outOfStock: ["T002"],
  listed: [],
  orders: [{ sku: "T007", qty: 5, unit: "carton" }],
  followUp: "2026-12-02",
  feedback: true,
  feedbackText: "老板说软中华走得快",
  compliance: false,
  complianceNote: null,
};

const afternoon = (facts: Partial<Visit>) => ({
  ...morning,
  activities: [],
  stock: [],
  outOfStock: [],
  orders: [],
  followUp: null,
  feedback: false,
  feedbackText: null,
  ...facts,
});

describe("a second report of the same visit", () => {
  it("adds new lines after the earlier ones and keeps everything else", () => {
    const merged = mergeVisit(
      morning,
      afternoon({ stock: [{ sku: "T005", qty: 6, unit: "carton" }] }),
      "傅记 硬玉溪还有6条",
    );
    expect(merged.stock).toEqual([...morning.stock, { sku: "T005", qty: 6, unit: "carton" }]);
    expect(merged).toMatchObject({
      outOfStock: ["T002"],
      orders: morning.orders,
      followUp: "2026-12-02",
      feedback: true,
      feedbackText: "老板说软中华走得快",
    });
  });

  it("takes the newer count of a product, in its place, and flips stock and stock-out", () => {
    const merged = mergeVisit(
      morning,
      afternoon({
        stock: [
          { sku: "T002", qty: 2, unit: "carton" },
          { sku: "T007", qty: 10, unit: "carton" },
        ],
        outOfStock: ["T001"],
      }),
      "",
    );
    expect(merged.stock).toEqual([
      { sku: "T007", qty: 10, unit: "carton" },
      { sku: "T002", qty: 2, unit: "carton" },
    ]);
    expect(merged.outOfStock).toEqual(["T001"]);
  });

  it("keeps both feedbacks and flags, the later report's words after the earlier", () => {
    const merged = mergeVisit(
      morning,
      afternoon({ feedback: true, feedbackText: "老板想要海报", compliance: true, followUp: "2026-11-27" }),
      "傅记 老板想要海报 批发商要求搭售",
    );
    expect(merged).toMatchObject({
      feedbackText: "老板说软中华走得快\n老板想要海报",
      compliance: true,
      complianceNote: "傅记 老板想要海报 批发商要求搭售",
      followUp: "2026-11-27",
    });
  });

  it.each([
    ["下午又去了一趟傅记", true],
    ["went back to Joe's", true],
    ["Joe's, second visit today", true],
    ["下周三再去傅记", false],
    ["back Tuesday", false],
    ["傅记 硬玉溪还有6条", false],
  ])("%j says it was a second visit: %s", (text, expected) => {
    expect(saysSecondVisit(text)).toBe(expected);
  });
});
