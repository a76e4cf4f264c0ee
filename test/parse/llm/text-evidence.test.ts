/** Which numbers, days and units a message supports: a table with a fixed today (Wed 2026-11-25). */
import { describe, expect, it } from "vitest";
import { readEvidence } from "../../../src/parse/llm/text-evidence.js";

const TODAY = "2026-11-25";

describe("readEvidence", () => {
  const numbers: [string, number[], number[]][] = [
    ["硬中还剩两条半", [2.5], [2, 3]],
    ["半件可乐", [0.5], [1]],
    ["红塔山还有12条", [12], [1.2, 21]],
    ["软中华十二条", [12], [10]],
    ["一百二十包", [120], [12]],
    ["Joe's had three cases of Coke Zero", [3], [1]],
    ["half a case of Sprite", [0.5], [1]],
    ["来了23个人，搞了一个半小时", [23], [24]],
  ];
  for (const [text, present, absent] of numbers) {
    it(`should find ${present.join(", ")} and not ${absent.join(", ")} in "${text}"`, () => {
      const e = readEvidence(text, TODAY);
      for (const n of present) expect(e.numbers.has(n)).toBe(true);
      for (const n of absent) expect(e.numbers.has(n)).toBe(false);
    });
  }

  it("should read a duration in minutes", () => {
    expect(readEvidence("品鉴会搞了一个半小时", TODAY).minutes.has(90)).toBe(true);
  });

  it("should support today and the days the text's date words can mean, nothing else", () => {
    const e = readEvidence("昨天去的老王家，下周三再去", TODAY);
    expect([...e.days].sort()).toEqual(expect.arrayContaining(["2026-11-25", "2026-11-24", "2026-12-02"]));
    expect(e.days.has("2026-11-27")).toBe(false);
    expect([...readEvidence("王记 硬中华还有3条", TODAY).days]).toEqual([TODAY]);
  });

  it("should know which units the text names", () => {
    expect([...readEvidence("硬中2（条）", TODAY).units]).toEqual(["carton"]);
    expect([...readEvidence("3 cases of Coke, 6 cans", TODAY).units].sort()).toEqual(["case", "unit"]);
    expect(readEvidence("硬中 2", TODAY).units.size).toBe(0);
  });
});
