/** The system prompt's filled-in context: the day in the Formatter's words, the language's own words for "none". */
import { describe, expect, it } from "vitest";
import { buildSystemPrompt } from "../../../src/parse/llm/prompt.js";

const EMPTY = { shops: [], products: [] };

describe("the system prompt", () => {
  it("should write today's weekday and the empty candidate lists in Chinese for a Chinese message", () => {
    const text = buildSystemPrompt({
      lang: "zh",
      now: "2026-11-25T17:40:00+08:00",
      today: "2026-11-25",
      candidates: EMPTY,
    });
    expect(text).toContain("今天是 2026-11-25（周三）");
    expect(text).toContain("消息语言：中文 (zh)");
    expect(text).toContain("  - （无）");
    expect(text).not.toMatch(/\{\{\w+\}\}/);
  });

  it("should write them in English for an English message, with the candidates as rows", () => {
    const shops = [{ id: "R160", name: "Lone Star Liquor & Deli", aliases: ["Lone Star"] }];
    const text = buildSystemPrompt({
      lang: "en",
      now: "2026-11-25T17:40:00-06:00",
      today: "2026-11-25",
      candidates: { shops, products: [] },
    });
    expect(text).toContain("(Wed)");
    expect(text).toContain("English (en)");
    expect(text).toContain("  - R160 | Lone Star Liquor & Deli | Lone Star");
    expect(text).toContain("  - (none)");
  });
});
