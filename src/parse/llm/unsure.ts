/**
 * When the rules' reading is not enough on its own (hybrid mode asks the model only then): an
 * open question, a fact the bot would have to show back, a report with no records, an unsure
 * intent, or a message that reads like a report although the rules did not take it as one.
 */
import { SURE_ENOUGH } from "../../domain/confidence.js";
import { isReportIntent } from "../../domain/records.js";
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
  if (rules.issues.length || rules.records.some((r) => r.issues.length)) return "issue";
  if (lowest(rules) < SURE_ENOUGH) return "low_confidence";
  return null;
}

function lowest(result: ParseResult): number {
  const scores: number[] = [];
  for (const r of result.records) {
    if (r.type === "visit") {
      scores.push(r.retailer?.confidence ?? 0, r.date.confidence, ...r.activities.map((a) => a.confidence));
      scores.push(...r.stock.map((l) => l.confidence), ...r.orders.map((l) => l.confidence));
      scores.push(...r.outOfStock.map((f) => f.confidence), ...r.listed.map((f) => f.confidence));
      if (r.followUp) scores.push(r.followUp.confidence);
    } else {
      scores.push(
        ...r.retailers.map((x) => x.confidence),
        r.date.confidence,
        r.format.confidence,
        ...r.sales.map((l) => l.confidence),
      );
    }
  }
  return scores.length ? Math.min(...scores) : 1;
}
