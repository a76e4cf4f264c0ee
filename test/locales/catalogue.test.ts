/**
 * The message catalogues: every language has every message (the type check says so; the fixture
 * below proves it would fail), and the two catalogues have the same shape all the way down.
 */
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/locales/index.js";
import type { VisitMessages } from "../../src/locales/messages/visits.js";
import { visits as zhVisits } from "../../src/locales/zh/visits.js";

const { hint: _hint, ...receiptWithoutHint } = zhVisits.receipt;
// @ts-expect-error: a language missing one message does not type-check (if this line stops erroring, tsc fails on the unused directive).
const _incomplete: VisitMessages["receipt"] = receiptWithoutHint;

/** Every key path of a catalogue, functions and arrays as leaves. */
function shape(value: unknown, path = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return [`${path}:${Array.isArray(value) ? "array" : typeof value}`];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    shape(inner, path ? `${path}.${key}` : key),
  );
}

describe("message catalogues", () => {
  it("have the same messages in Chinese and English", () => {
    const zh = shape(messagesFor("zh")).filter((p) => !p.startsWith("lang:"));
    const en = shape(messagesFor("en")).filter((p) => !p.startsWith("lang:"));
    expect(en.sort()).toEqual(zh.sort());
  });

  it("write one day the same way everywhere", () => {
    expect(messagesFor("zh").format.day("2026-11-25")).toBe("11月25日（周三）");
    expect(messagesFor("en").format.day("2026-11-25")).toBe("Wed, Nov 25");
  });

  it("count in English with the right plural", () => {
    const { format } = messagesFor("en");
    expect([format.count(1, "redFlag"), format.count(2, "redFlag"), format.count(0, "shop")]).toEqual([
      "1 red flag",
      "2 red flags",
      "0 stores",
    ]);
    expect(format.quantity(1, "case")).toBe("1 case");
    expect(messagesFor("zh").format.quantity(2.5, "carton")).toBe("2.5条");
  });
});
