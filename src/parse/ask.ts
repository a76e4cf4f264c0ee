/**
 * Which records of a reading the bot asks the sender about before storing them. One decision for
 * the conversation (visits/report-draft.ts picks the question from it), `cli parse` (`"ask": true`)
 * and the hybrid model path (llm/unsure.ts reads again exactly what the rules would ask about).
 */
import { SURE_ENOUGH } from "../domain/confidence.js";
import type { ParseResult, RecordDraft } from "./types.js";

/** How sure a record is whose text holds a part no fact explains, or that two readings fit. */
const UNCLEAR_TEXT = 0.5;

/** The least sure fact of a record: below SURE_ENOUGH the bot shows the record back before storing it. */
function recordConfidence(record: RecordDraft): number {
  const scores: number[] = [];
  if (record.type === "visit") {
    // An unresolved shop is asked about on its own; the manager's answer is certain.
    if (record.retailer?.id) scores.push(record.retailer.confidence);
    scores.push(record.date.confidence, ...record.stock.map((l) => l.confidence));
    scores.push(...record.orders.map((l) => l.confidence));
    scores.push(...record.outOfStock.map((f) => f.confidence), ...record.listed.map((f) => f.confidence));
  } else {
    scores.push(...record.retailers.filter((x) => x.id).map((x) => x.confidence), record.date.confidence);
    scores.push(...record.sales.map((l) => l.confidence));
  }
  // A part of the text no fact explains makes every fact of the record less sure.
  if (record.issues.some((i) => i.kind === "unclear_text")) scores.push(UNCLEAR_TEXT);
  return scores.length ? Math.min(...scores) : 1;
}

/**
 * A visit with no fact at all ("去了张记"): stored only once the sender says that is what they meant,
 * unless the text says so itself (关门了, 没啥事, "all good at HEB").
 */
function saysNothing(record: RecordDraft): boolean {
  return (
    record.type === "visit" &&
    !record.quiet &&
    record.stock.length + record.outOfStock.length + record.listed.length + record.orders.length === 0 &&
    record.activities.length === 0 &&
    record.followUp === null &&
    !record.feedback.value &&
    !record.compliance.value
  );
}

/** Whether a record's shop is still unknown: a visit cannot be stored without one. */
const noShop = (record: RecordDraft) => record.type === "visit" && !record.retailer?.id;

/** A report that says nothing but "I was there", in every record: shown back, whatever the records. */
const saysNothingAtAll = (result: ParseResult) => result.records.length > 0 && result.records.every(saysNothing);

/**
 * Whether the reading must be shown back and confirmed before it is stored, once every open question
 * is answered: a fact below SURE_ENOUGH, or a report that says nothing but "I was there".
 */
export function needsShowingBack(result: ParseResult): boolean {
  return saysNothingAtAll(result) || result.records.some((r) => recordConfidence(r) < SURE_ENOUGH);
}

/**
 * For each record of the reading, whether the bot would ask about it before storing it: an open
 * question (shop, product, unit, a part of the text it did not understand), a fact below
 * SURE_ENOUGH, or a report that says nothing but "I was there". Message-level issues concern them all.
 */
export function recordsToAsk(result: ParseResult): boolean[] {
  const everyRecord = result.issues.length > 0 || saysNothingAtAll(result);
  return result.records.map(
    (record) => everyRecord || noShop(record) || record.issues.length > 0 || recordConfidence(record) < SURE_ENOUGH,
  );
}
