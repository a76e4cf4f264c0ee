import { describe, expect, it } from "vitest";
import { originalText, storableText } from "../../src/store/raw-text.js";

/** NUL, or a lone surrogate (in unicode mode a lone surrogate is its own code point of category Cs; a pair is not). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what the check looks for.
const UNSTORABLE = /\u0000|\p{Cs}/u;

describe("raw inbound text made storable", () => {
  it("keeps ordinary text, emoji and backslashes as they are", () => {
    for (const text of ["张记 中华断货", "Joe's 😀 \\u0000 literally", "a\tb\nc"]) {
      expect(storableText(text)).toEqual({ text, rawEscaped: null });
    }
  });

  it("replaces NUL and lone surrogates in the readable text and keeps the original recoverable", () => {
    for (const original of ["a\u0000b", "cut emoji \ud83d", "\ude00 low first", "\ud83d\ud83d😀\u0000"]) {
      const stored = storableText(original);
      expect(stored.text).not.toMatch(UNSTORABLE);
      expect(stored.text).toContain("\ufffd");
      // The escaped original holds neither: nothing a database could refuse.
      expect(stored.rawEscaped).not.toMatch(UNSTORABLE);
      expect(originalText(stored)).toBe(original);
    }
  });
});
