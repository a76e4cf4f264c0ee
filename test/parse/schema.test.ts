import { describe, expect, it } from "vitest";
import { formatParseSchema } from "../../src/domain/records.js";
import { firstOf, parse, WED_AUSTIN } from "./helpers.js";

describe("FORMAT output", () => {
  it.each([
    ["今天跑了老王家跟新华都 老王家硬中还有3条 利群没货了", "M01", undefined],
    ["胡记 老板说生意差 过两天再去", "M01", undefined],
    ["Ran a Monster sampling at QS12 from 3 to 5, 42 people tried it, sold 9 cans", "M08", WED_AUSTIN],
    ["今天去哪几家", "M01", undefined],
  ])("validates against the shared zod schema: %s", (text, sender, now) => {
    const { out } = parse(text, sender, now);
    expect(formatParseSchema.parse(out)).toEqual(out);
  });

  it("marks the date of a report with no day said as implied", () => {
    const { result } = parse("新华都 软中华断货");
    const v = firstOf(result.records);
    expect(v.date).toMatchObject({ value: "2026-11-25", source: "implied" });
  });
});
