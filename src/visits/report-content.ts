/**
 * What makes a message a report: a shop it names and something it says about that shop. A message
 * with neither ("when was i last at Joe's", "wait no, that was Sunrise") never becomes a visit on its own.
 */
import { REPLY_PHRASES } from "../locales/index.js";
import type { ParseResult, RecordDraft } from "../parse/index.js";

/** Whether a parsed record says anything beyond "I was there"; an event (a promotion) is itself a fact. */
function saysSomething(record: RecordDraft): boolean {
  if (record.type === "promotion") return true;
  return (
    record.stock.length + record.outOfStock.length + record.listed.length + record.orders.length > 0 ||
    record.activities.length > 0 ||
    record.followUp !== null ||
    record.feedback.value ||
    record.compliance.value
  );
}

/** The known shops a message reports facts about: a complete new report names at least one. */
export function reportedShops(reading: ParseResult): string[] {
  const shops = reading.records.flatMap((record) => {
    if (!saysSomething(record)) return [];
    if (record.type === "visit") return record.retailer?.id ? [record.retailer.id] : [];
    return record.retailers.flatMap((r) => (r.id ? [r.id] : []));
  });
  return [...new Set(shops)];
}

/** Whether a reading holds nothing to store: no record, or only visits that say nothing. */
function saysNothing(reading: ParseResult): boolean {
  return !reading.records.some(saysSomething);
}

/**
 * "张记最近怎么样了？", "when was i last at Joe's": a question that names a shop and says nothing
 * about it. Read as a visit by the parser, it is for the shop's history, never a visit to store.
 */
export function isQuestionAbout(reading: ParseResult): boolean {
  const text = reading.text.trim();
  return saysNothing(reading) && REPLY_PHRASES.some((p) => p.asks.test(text));
}
