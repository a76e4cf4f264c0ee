/** Projects the rich parse onto the FORMAT.md shape: only confident, grounded facts survive. */
import type { FormatParse, FormatRecord, FormatStockLine } from "../domain/records.js";
import type { ParseResult, QuantityLine } from "./types.js";

const line = (l: QuantityLine): FormatStockLine => ({ sku: l.sku, qty: l.qty, unit: l.qty === null ? null : l.unit });
const unique = (xs: string[]) => [...new Set(xs)];

export function toFormat(result: ParseResult): FormatParse {
  const records: FormatRecord[] = result.records.map((r) => {
    if (r.type === "promotion") {
      return {
        type: "promotion",
        retailers: unique(r.retailers.map((x) => x.id).filter((x): x is string => !!x)),
        date: r.date.value,
        skus: unique(r.skus.map((s) => s.sku)),
        format: r.format.value,
        consumers: r.consumers.value,
        durationMinutes: r.durationMinutes.value,
        sales: r.sales.map(line),
      };
    }
    const ambiguous =
      r.retailer && r.retailer.id === null && r.retailer.candidates.length
        ? r.retailer.candidates.map((c) => c.id)
        : null;
    return {
      type: "visit",
      retailer: r.retailer?.id ?? null,
      ambiguous,
      date: r.date.value,
      activities: [...new Set(r.activities.map((a) => a.value))],
      stock: r.stock.map(line),
      outOfStock: unique(r.outOfStock.map((s) => s.sku)),
      listed: unique(r.listed.map((s) => s.sku)),
      orders: r.orders.map(line),
      followUp: r.followUp?.value ?? null,
      feedback: r.feedback.value,
      compliance: r.compliance.value,
    };
  });
  return { intent: result.intent.value, records };
}
