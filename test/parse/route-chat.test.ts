/**
 * English route chat: branches called by their street, counts given as ranges or corrected in the
 * next breath, event hours written as a bare "11-2". Practice messages written for these tests.
 */
import { describe, expect, it } from "vitest";
import type { FormatPromotion } from "../../src/domain/records.js";
import { recordsToAsk } from "../../src/parse/ask.js";
import { onlyVisit, parse, WED_AUSTIN } from "./helpers.js";

const rep = (text: string) => onlyVisit(text, "M07", WED_AUSTIN);
const promo = (text: string) =>
  parse(text, "M07", WED_AUSTIN).out.records.find((r): r is FormatPromotion => r.type === "promotion");

describe("counts given loosely", () => {
  it.each([
    ["Joe's: monster like 8 or 9 cans, sprite 2 cs"],
    ["Joe's: 8 to 10 cases of monster, sprite 2 cs"],
    ["Joe's: monster 2-3, sprite 2 cs"],
  ])("reads the range in %s as a vague count", (text) => {
    expect(rep(text).stock).toEqual([
      { sku: "B006", qty: null, unit: null },
      { sku: "B004", qty: 2, unit: "case" },
    ]);
  });

  it.each([
    ["Joe's: monster 4 cs. scratch that, 3", 3],
    ["Joe's cooler reset, all 3 doors. monster 2 cs.. actually 2 and a half", 2.5],
  ])("keeps the corrected count of %s, and asks nothing about it", (text, qty) => {
    const { result, out } = parse(text, "M07", WED_AUSTIN);
    expect(out.records[0]).toMatchObject({ stock: [{ sku: "B006", qty, unit: "case" }] });
    expect(recordsToAsk(result)).toEqual([false]);
  });
});

describe("event hours", () => {
  it.each([
    ["sampling at Joe's 11-2, topo chico. 40 people", 180],
    ["Joe's - topo sampling by the front counter 1-3, 38 people", 120],
    ["demo at Joe's today 10-2 🎄 topo chico, 40 people", 240],
  ])("reads the bare hours of %s as %i minutes", (text, minutes) => {
    expect(promo(text)?.durationMinutes).toBe(minutes);
  });
});

describe("the day a report is for", () => {
  const TUE = "2026-12-01T08:20:00-06:00";
  it.each([
    "mon 11/30\nJoe's: coke zero 3 cs",
    "11/30 - Joe's: coke zero 3 cs",
    "forgot to send mon's\nJoe's: coke zero 3 cs",
  ])("dates %j by its heading", (text) => {
    expect(onlyVisit(text, "M07", TUE).date).toBe("2026-11-30");
  });

  it("keeps a past date said in passing from dating the visit", () => {
    expect(onlyVisit("Joe's: coke zero 3 cs. owner wants a display by 11/28", "M07", TUE).date).toBe("2026-12-01");
  });
});

describe("lines of a list", () => {
  it("ends a stock-out word at the line's end: 'diet coke OOS' does not reach the shop on the next line", () => {
    const { out } = parse("Joe's - coke zero 2 cs, diet coke OOS\nsunrise - closed", "M07", WED_AUSTIN);
    expect(out.records[0]).toMatchObject({ outOfStock: ["B003"] });
  });

  it.each(["2 more from yesterday I forgot:\nJoe's - coke zero 2 cs", "hit 6 stops today. Joe's - coke zero 2 cs"])(
    "asks nothing about the number of stops in %j",
    (text) => {
      expect(recordsToAsk(parse(text, "M07", WED_AUSTIN).result)).toEqual([false]);
    },
  );
});

describe("what the rep promises, and what is not a promise", () => {
  const THU = "2026-12-03T12:10:00-06:00";
  it.each([
    ["Joe's: dasani 6 cs. I'll see them in 2 wks", "2026-12-17"],
    ["Joe's: owner wants another demo, we locked in the 18th", "2026-12-18"],
    ["Joe's: mgr asked for tags, I'll drop them off thurs", "2026-12-10"],
    ["Joe's: coke zero 2 cs. I'll swing back nxt wk to see it", "2026-12-07"],
    ["Joe's: owner wants to try OJ - gonna bring a sample case mon", "2026-12-07"],
    ["Joe's: mgr asked for an end cap, told him I'd build it monday the 21st", "2026-12-21"],
    ["Joe's: nothing needed. I'll hit it again after new year's", "unspecified"],
  ])("%s → %s", (text, followUp) => {
    expect(onlyVisit(text, "M07", THU).followUp).toBe(followUp);
  });

  it.each([
    "back at Joe's like I said - fanta 4 cs",
    "Joe's: minute maid OOS, she wants a couple cs of OJ when it's back in",
  ])("%s promises nothing", (text) => {
    expect(onlyVisit(text, "M07", THU).followUp).toBeNull();
  });
});

describe("events planned or someone else's", () => {
  it.each([
    "Joe's: mgr's gonna build his own endcap next wk, coke zero 2 cs",
    "Joe's - coke zero 2 cs. I'll be back monday to pitch the holiday end cap",
    "Joe's - the other distributor put a giant end cap by our cooler, coke zero 2 cs",
  ])("%s is no promotion", (text) => {
    expect(parse(text, "M07", WED_AUSTIN).out.records.map((r) => r.type)).toEqual(["visit"]);
  });
});

describe("work and words on the visit", () => {
  it.each([
    ["Joe's - owner was pretty heated about the delivery times", "feedback", true],
    ["Joe's - owner showed me an invoice for monster he never ordered", "activities", []],
  ] as const)("%s", (text, field, value) => {
    expect(rep(text)[field]).toEqual(value);
  });

  it.each([
    ["Joe's - walked the new clerk thru the holiday program rules", ["policy"]],
    ["Joe's - told him he doesn't have to take anything he didn't order", ["policy"]],
    ["Joe's - walked him thru the new ordering app", ["service"]],
    ["Joe's: dropped off the holiday price tags + put them up", ["display", "price_check"]],
    ["Joe's - moved the monster + coke zero to door 1", ["display"]],
  ])("%s → %j", (text, activities) => {
    expect(rep(text).activities).toEqual(activities);
  });
});

describe("events told the rep's way", () => {
  it.each([
    ["booth at the farmers market today 10-2, topo chico, 86 ppl tried them", "tasting"],
    ["church potluck tonight, we sponsored the drinks - sprite, fanta 2L. ran 2 hrs", "circle"],
    ["Joe's demo 10:30-12, minute maid OJ samples, 27 customers tried it", "tasting"],
    ["demo at Joe's today for topo chico, ran 2 hrs", "in_store"],
  ])("%s → %s", (text, format) => {
    expect(promo(text)?.format).toBe(format);
  });

  it("reads 'sold 9 topo 12pks' as nine packs sold", () => {
    expect(promo("Joe's sampling 11-2, topo. 64 people tried it, sold 9 topo 12pks")?.sales).toEqual([
      { sku: "B010", qty: 9, unit: "pack" },
    ]);
  });
});

describe("products and shops said in passing", () => {
  it("reads '2 12pks coke left' as two packs of the Coke 12-pack", () => {
    expect(rep("Joe's 2 12pks coke left, fanta oos").stock).toEqual([{ sku: "B001", qty: 2, unit: "pack" }]);
  });

  it("keeps a shop only compared with ('like circle k has') out of the visits", () => {
    const { out } = parse(
      "Joe's - mgr asked if we can get the 4 for $10 monster deal like circle k has",
      "M07",
      WED_AUSTIN,
    );
    expect(out.records.map((r) => (r.type === "visit" ? r.retailer : null))).toEqual(["R151"]);
  });
});

describe("rough counts and other people's work", () => {
  it.each([
    "Joe's sampling 11-1, topo. maybe 15-20 ppl",
    "church potluck tonight, we sponsored the drinks. 40ish folks",
  ])("reads the head count of %s as vague", (text) => {
    expect(promo(text)?.consumers).toBeNull();
  });

  it("reads 'smartwater a couple cases' as a vague count of smartwater", () => {
    expect(rep("Joe's: smartwater a couple cases, dasani 4 cs").stock).toEqual([
      { sku: "B012", qty: null, unit: null },
      { sku: "B005", qty: 4, unit: "case" },
    ]);
  });

  it("keeps a reset the manager did himself no display work of the rep", () => {
    expect(rep("Joe's: mgr did the cooler reset himself, looks good. ordered 2 cs coke zero").activities).toEqual([
      "order",
    ]);
  });

  it("reads 'listed X' as a listing, and a sample case brought as no event", () => {
    const { out } = parse(
      "Joe's - brought the OJ sample case. owner loved it, listed minute maid OJ, he ordered 3 cs",
      "M07",
      WED_AUSTIN,
    );
    expect(out.records).toHaveLength(1);
    expect(out.records[0]).toMatchObject({ listed: ["B009"], orders: [{ sku: "B009", qty: 3, unit: "case" }] });
  });
});

describe("dictated and story-told reports", () => {
  it("reads counts voice-to-text misheard ('had for cases', 'too cases', 'down to ate cans')", () => {
    expect(rep("joes had for cases of sprite and too cases of topo monster down to ate cans").stock).toEqual([
      { sku: "B004", qty: 4, unit: "case" },
      { sku: "B010", qty: 2, unit: "case" },
      { sku: "B006", qty: 8, unit: "unit" },
    ]);
  });

  it("keeps 'asked for cases of topo' no count", () => {
    expect(rep("Joe's - he asked for cases of topo").stock).toEqual([]);
  });

  it("reads 'he's taking 5 cs' as an order", () => {
    expect(rep("Joe's: no topo anywhere, shelf was bare. he's taking 5 cs")).toMatchObject({
      outOfStock: ["B010"],
      orders: [{ sku: "B010", qty: 5, unit: "case" }],
    });
  });

  it.each([
    ["Joe's - built a super bowl floor stack w/ coke 12pk", "display"],
    ["Joe's - wing night: free coke zero with a dozen wings", "gift"],
  ])("%s → a %s promotion", (text, format) => {
    expect(promo(text)?.format).toBe(format);
  });
});

describe("rules broken, told as stories", () => {
  it.each([
    "Joe's - the manager told me a rep from the other distributor has been pressuring him to drop our cooler if he wants their pricing",
    "Joe's - register was ringing monster at 3.29 but the shelf tag says 2.99, told the mgr to fix it",
  ])("%s is a compliance flag", (text) => {
    expect(rep(text).compliance).toBe(true);
  });
});

describe("counts on hand said the rep's way", () => {
  it.each([
    ["Joe's: moved 8 cs of monster since monday, sitting at 2 cs now", [{ sku: "B006", qty: 2, unit: "case" }]],
    [
      "Joe's - coke zero sitting at 3 cs, monster showing 12 cans",
      [
        { sku: "B002", qty: 3, unit: "case" },
        { sku: "B006", qty: 12, unit: "unit" },
      ],
    ],
  ])("%s", (text, stock) => {
    expect(rep(text).stock).toEqual(stock);
  });
});

describe("orders written up", () => {
  it.each([
    ["Joe's - wrote him up for 5 cs of coke zero", [{ sku: "B002", qty: 5, unit: "case" }]],
    ["Joe's - put him down for 4 cs monster", [{ sku: "B006", qty: 4, unit: "case" }]],
    ["Joe's - counted 7 cases of Coke Zero and wrote an order for 5 more.", [{ sku: "B002", qty: 5, unit: "case" }]],
    ["Joe's - monster 2 cs, he wants 4 more", [{ sku: "B006", qty: 4, unit: "case" }]],
  ])("%s", (text, orders) => {
    expect(rep(text).orders).toEqual(orders);
  });
});

describe("a bare shelf", () => {
  it.each(["Joe's - shelf was bare on topo", "Joe's - topo shelf was empty, coke zero 3 cs"])(
    "%s → topo out",
    (text) => {
      expect(rep(text).outOfStock).toEqual(["B010"]);
    },
  );
});
