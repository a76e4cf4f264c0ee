/** The owner's words when a model reads the report too: the model says whether there was feedback, the text says what it was. */
import { describe, expect, it } from "vitest";
import type { FormatRecord, Intent } from "../../../src/domain/records.js";
import { gatherCandidates } from "../../../src/parse/llm/candidates.js";
import { groundAnswer } from "../../../src/parse/llm/ground.js";
import { mergeParses } from "../../../src/parse/llm/merge.js";
import { readEvidence } from "../../../src/parse/llm/text-evidence.js";
import type { VisitDraft } from "../../../src/parse/types.js";
import { parse, roster } from "../helpers.js";
import { GOOD, UNSURE } from "./support/unsure-report.js";

function read(text: string, answer: { intent: Intent; records: FormatRecord[] }, mode: "hybrid" | "llm") {
  const rules = parse(text, "M01").result;
  const model = groundAnswer(answer, {
    rules,
    candidates: gatherCandidates(rules, roster),
    evidence: readEvidence(text, rules.today),
  });
  const merged = mergeParses(rules, model, mode);
  return { model: model.records[0] as VisitDraft, merged: merged.records[0] as VisitDraft };
}

describe("feedback text with a model", () => {
  it.each(["hybrid", "llm"] as const)("should keep the owner's words the rules found for the shop (%s)", (mode) => {
    const { model, merged } = read(UNSURE, GOOD as { intent: Intent; records: FormatRecord[] }, mode);
    expect(model.feedbackText).toBe("老板抱怨利群到货慢");
    expect(merged.feedback.value).toBe(true);
    expect(merged.feedbackText).toBe("老板抱怨利群到货慢");
  });

  it("should have no text when the model hears no feedback in llm mode", () => {
    const answer = { ...GOOD, records: [{ ...GOOD.records[0], feedback: false }] } as {
      intent: Intent;
      records: FormatRecord[];
    };
    const { merged } = read(UNSURE, answer, "llm");
    expect(merged.feedback.value).toBe(false);
    expect(merged.feedbackText).toBeNull();
  });
});
