import { describe, expect, it } from "vitest";
import { originalText, storableText } from "../../src/store/raw-text.js";

describe("raw inbound text made storable", () => {
  it("keeps ordinary text, emoji and backslashes as they are", () => {
    for (const text of ["张记 中华断货", "Joe's 😀 \\u0000 literally", "a\tb\nc"]) {
      expect(storableText(text)).toEqual({ text, rawEscaped: null });
    }
  });

  it("replaces NUL and lone surrogates in the readable text and keeps the original recoverable", () => {
    for (const original of ["a\u0000b", "cut emoji \ud83d", "\ude00 low first", "\ud83d\ud83d😀\u0000"]) {
      const stored = storableText(original);
      // In unicode mode a lone surrogate is its own code point of category Cs; a pair is not.
      expect(stored.text).not.toMatch(/\u0000|\p{Cs}/u);
      expect(stored.text).toContain("\ufffd");
      // Pure ASCII escapes: nothing a database could refuse.
      expect(stored.rawEscaped).toMatch(/^[\x20-\x7e]*$/);
      expect(originalText(stored)).toBe(original);
    }
  });
});
