/**
 * English route chat: branches called by their street, counts given as ranges or corrected in the
 * next breath, event hours written as a bare "11-2". Practice messages written for these tests.
 */
import { describe, expect, it } from "vitest";
import type { FormatPromotion } from "../../src/domain/records.js";
import { recordsToAsk } from "../../src/parse/ask.js";
import { onlyVisit, parse, WED_AUSTIN } from "./helpers.js";

const rep = (text: string) => onlyVisit(text, "M07", WED_AUSTIN);

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
    const promo = parse(text, "M07", WED_AUSTIN).out.records.find((r): r is FormatPromotion => r.type === "promotion");
    expect(promo?.durationMinutes).toBe(minutes);
  });
});
