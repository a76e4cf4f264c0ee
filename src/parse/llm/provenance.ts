/**
 * Which facts of a merged parse came from the model. Grounding marks every fact object it builds;
 * after the merge, walking the result tells each fact's origin without threading a flag through
 * the parser's types (which belong to the rule parser).
 */
import type { ParseResult } from "../types.js";

const fromModel = new WeakSet<object>();

export function markModel<T extends object>(fact: T): T {
  fromModel.add(fact);
  return fact;
}

type Origin = "rules" | "model";

export interface ProvenanceEntry {
  record: number;
  /** e.g. "retailer", "date", "activity:display", "stock:T007", "followUp", "intent" */
  fact: string;
  from: Origin;
  value: unknown;
}

const origin = (fact: object): Origin => (fromModel.has(fact) ? "model" : "rules");

/** Every fact of the result with where it came from (record -1 is the message itself). */
export function provenanceOf(result: ParseResult): ProvenanceEntry[] {
  const out: ProvenanceEntry[] = [
    { record: -1, fact: "intent", from: origin(result.intent), value: result.intent.value },
  ];
  for (const [record, r] of result.records.entries()) {
    const add = (fact: string, obj: object | null, value: unknown) => {
      if (obj) out.push({ record, fact, from: origin(obj), value });
    };
    if (r.type === "visit") {
      add("retailer", r.retailer, r.retailer?.id ?? null);
      add("date", r.date, r.date.value);
      for (const a of r.activities) add(`activity:${a.value}`, a, a.value);
      for (const l of r.stock) add(`stock:${l.sku}`, l, [l.qty, l.unit]);
      for (const s of r.outOfStock) add(`outOfStock:${s.sku}`, s, s.sku);
      for (const s of r.listed) add(`listed:${s.sku}`, s, s.sku);
      for (const l of r.orders) add(`order:${l.sku}`, l, [l.qty, l.unit]);
      add("followUp", r.followUp, r.followUp?.value ?? null);
      add("feedback", r.feedback, r.feedback.value);
      add("compliance", r.compliance, r.compliance.value);
    } else {
      for (const x of r.retailers) add(`retailer:${x.id}`, x, x.id);
      add("date", r.date, r.date.value);
      for (const s of r.skus) add(`sku:${s.sku}`, s, s.sku);
      add("format", r.format, r.format.value);
      add("consumers", r.consumers, r.consumers.value);
      add("durationMinutes", r.durationMinutes, r.durationMinutes.value);
      for (const l of r.sales) add(`sale:${l.sku}`, l, [l.qty, l.unit]);
    }
  }
  return out;
}
