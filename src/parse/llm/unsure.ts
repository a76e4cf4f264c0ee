/**
 * When the rules' reading is not enough on its own (hybrid mode asks the model only then): a record
 * the conversation would ask about (parse/ask.ts: an open question, a fact it would show back), a
 * report with no records, an unsure intent, or a message that reads like a report although the
 * rules did not take it as one.
 */
import { SURE_ENOUGH } from "../../domain/confidence.js";
import { isReportIntent } from "../../domain/records.js";
import { recordsToAsk } from "../ask.js";
import type { ParseResult } from "../types.js";

/** Questions the rules answer confidently; their mentions are not a sign of a missed report. */
const QUERY_SURE = 0.8;

export type UnsureReason = "issue" | "low_confidence" | "no_records" | "intent_unsure" | "report_looking";

/** Why the model should read this message, or null when the rules were sure. */
export function whyUnsure(rules: ParseResult): UnsureReason | null {
  const report = isReportIntent(rules.intent.value);
  if (rules.intent.confidence < SURE_ENOUGH) return "intent_unsure";
  if (!report) {
    const mentions = rules.shops.length + rules.products.length > 0;
    return mentions && (rules.intent.value === "other" || rules.intent.confidence < QUERY_SURE)
      ? "report_looking"
      : null;
  }
  if (rules.records.length === 0) return "no_records";
  // Exactly the records the conversation would ask about (parse/ask.ts): the model may settle them.
  const asked = recordsToAsk(rules);
  if (!asked.some(Boolean)) return null;
  return rules.issues.length || rules.records.some((r, i) => asked[i] && r.issues.length) ? "issue" : "low_confidence";
}
