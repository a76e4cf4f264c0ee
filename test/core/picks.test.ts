/** Reading a reply to the bot's question: a whole option label, as a button or a typed number sends it, picks that option. */
import { describe, expect, it } from "vitest";
import { ordinalOf, readAnswer } from "../../src/core/picks.js";

const YUXI = ["玉溪(软)", "玉溪(硬)", "玉溪(初心)", "忽略这一项"];

describe("a reply to numbered options", () => {
  it.each([
    ["2", 1],
    ["第二个", 1],
    ["玉溪(硬)", 1],
    ["玉溪（初心）", 2],
    ["忽略这一项", 3],
    ["the second one", 1],
  ])("%j picks option %i (-1: none)", (text, index) => {
    const answer = readAnswer(text, YUXI);
    expect(answer.kind === "choice" ? answer.index : -1).toBe(index);
  });

  it("a brand alone is not a pick of one of its products", () => {
    expect(readAnswer("玉溪", YUXI)).toEqual({ kind: "text", text: "玉溪" });
  });

  it.each([
    ["1", 1],
    ["第一个", 1],
    ["选2", 2],
    ["the first one", 1],
    ["B", null],
  ])("%j is the ordinal %s", (text, n) => {
    expect(ordinalOf(text)).toBe(n);
  });
});
