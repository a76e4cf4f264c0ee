import { describe, expect, it } from "vitest";
import { rememberingParser } from "../../src/core/remembered-parses.js";
import type { ParseInput, Parser } from "../../src/parse/index.js";
import { parser as rules } from "../parse/helpers.js";

/** The rule parser, counting how often it really reads. */
function counted(): { parser: Parser; reads: () => number } {
  let reads = 0;
  return {
    parser: {
      parse(input) {
        reads++;
        return rules.parse(input);
      },
    },
    reads: () => reads,
  };
}

const report: ParseInput = {
  text: "今天去了张记便利店,红塔山还有12条,软中华断货了",
  senderId: "M02",
  now: "2026-11-25T17:40:00+08:00",
};

describe("a parser that remembers its readings", () => {
  it("reads the same message once, and gives every caller its own copy", () => {
    const { parser, reads } = counted();
    const remembering = rememberingParser(parser);
    const first = remembering.parse(report);
    first.records.length = 0; // a draft changing what it was given
    const second = remembering.parse({ ...report });
    expect(reads()).toBe(1);
    expect(second).toEqual(rules.parse(report));
    expect(second.records.length).toBeGreaterThan(0);
  });

  it("reads again when the sender or the moment differs", () => {
    const { parser, reads } = counted();
    const remembering = rememberingParser(parser);
    remembering.parse(report);
    remembering.parse({ ...report, senderId: "M01" });
    remembering.parse({ ...report, now: "2026-11-26T09:00:00+08:00" });
    expect(reads()).toBe(3);
  });

  it("forgets the least recently used reading first", () => {
    const { parser, reads } = counted();
    const remembering = rememberingParser(parser, 2);
    const a = { ...report, text: "张记 中华断货" };
    const b = { ...report, text: "张记 红塔山12条" };
    const c = { ...report, text: "张记 理了柜台" };
    remembering.parse(a);
    remembering.parse(b);
    remembering.parse(a); // a is now the most recent
    remembering.parse(c); // evicts b
    remembering.parse(a);
    expect(reads()).toBe(3);
    remembering.parse(b);
    expect(reads()).toBe(4);
  });
});
