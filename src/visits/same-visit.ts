/**
 * A second report about a shop already visited that day ("傅记 硬玉溪还有6条" after this morning's
 * 傅记 report) is more of the same visit: its facts are added to the visit, never a second visit,
 * unless the manager says they went back (又去了一趟 / went back).
 */
import type { FormatStockLine, FormatVisit } from "../domain/records.js";
import { REPLY_PHRASES } from "../locales/index.js";
import type { Snapshot } from "../store/record-store.js";

type VisitSnapshot = Extract<Snapshot, { type: "visit" }>;

/** Whether the report says it was another visit to the shop the same day. */
export function saysSecondVisit(text: string): boolean {
  return REPLY_PHRASES.some((p) => p.secondVisit.test(text));
}

/**
 * The visit with the later report's facts added. Where the two disagree the later one wins (a count
 * is newer, a product in stock now is no longer out of stock); nothing the earlier one said is lost otherwise.
 */
export function mergeVisit(
  earlier: VisitSnapshot,
  later: FormatVisit & { feedbackText?: string | null },
  laterText: string,
): VisitSnapshot {
  const inStockNow = new Set(later.stock.map((l) => l.sku));
  const outNow = new Set(later.outOfStock);
  return {
    ...earlier,
    activities: union(earlier.activities, later.activities),
    stock: byProduct(
      earlier.stock.filter((l) => !outNow.has(l.sku)),
      later.stock,
    ),
    outOfStock: union(
      earlier.outOfStock.filter((sku) => !inStockNow.has(sku)),
      later.outOfStock,
    ),
    listed: union(earlier.listed, later.listed),
    orders: byProduct(earlier.orders, later.orders),
    followUp: later.followUp ?? earlier.followUp,
    feedback: earlier.feedback || later.feedback,
    feedbackText: joinWords(earlier.feedbackText, later.feedback ? (later.feedbackText ?? laterText) : null),
    compliance: earlier.compliance || later.compliance,
    complianceNote: joinWords(earlier.complianceNote, later.compliance ? laterText : null),
  };
}

const union = <T>(a: T[], b: T[]): T[] => [...new Set([...a, ...b])];

/** Lines by product: a product named again takes its newer figure, in the place it had. */
function byProduct(earlier: FormatStockLine[], later: FormatStockLine[]): FormatStockLine[] {
  const newer = new Map(later.map((l) => [l.sku, l]));
  const kept = earlier.map((l) => newer.get(l.sku) ?? l);
  const known = new Set(earlier.map((l) => l.sku));
  return [...kept, ...later.filter((l) => !known.has(l.sku))];
}

function joinWords(a: string | null, b: string | null): string | null {
  if (!a || !b || a === b) return a ?? b;
  return `${a}\n${b}`;
}
