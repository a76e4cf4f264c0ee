/**
 * The receipt a manager gets back: what was understood (or stored), compact, in their language,
 * with "edit" and "undo" actions that point at the exact records by their short reference.
 */
import type { CardReply } from "../domain/messages.js";
import type { FormatPromotion, FormatVisit } from "../domain/records.js";
import { shortReference } from "../domain/reference.js";
import type { Messages } from "../locales/index.js";
import type { ReceiptMode } from "../locales/messages/visits.js";
import type { NameBook } from "../store/name-book.js";

/** A record as a receipt shows it: stored ones carry their id and the owner's feedback words. */
export type ReceiptRecord = (FormatVisit | FormatPromotion) & { id?: string; feedbackText?: string | null };

export interface ReceiptOptions {
  /** Show how to correct a record (the first receipts only: at 30 a day it is noise). */
  hint?: boolean;
}

export function renderReceipt(
  records: ReceiptRecord[],
  names: NameBook,
  t: Messages,
  mode: ReceiptMode,
  options: ReceiptOptions = {},
): CardReply {
  const r = t.visits.receipt;
  const heading = r.heading[mode];
  const refs = records.flatMap((record) => (record.id ? [shortReference(record.id)] : []));
  const actions =
    mode === "preview"
      ? []
      : [
          { label: r.edit, value: `${r.edit} ${refs.join(" ")}` },
          { label: r.undo, value: `${r.undo} ${refs.join(" ")}` },
        ];
  const footer =
    [refs.join(" "), mode !== "preview" && options.hint ? r.hint : ""].filter(Boolean).join(" · ") || undefined;
  const [only] = records;
  if (only && records.length === 1) {
    return {
      kind: "card",
      title: `${heading}${t.format.colon}${titleOf(only, names, t)}`,
      lines: factLines(only, names, t),
      actions,
      footer,
    };
  }
  return {
    kind: "card",
    title: `${heading}${t.format.colon}${r.records(records.length)}`,
    lines: records.map((record) => ({
      label: titleOf(record, names, t),
      value: t.format.clauses(factLines(record, names, t).map((l) => `${l.label} ${l.value}`)),
    })),
    actions,
    footer,
  };
}

function titleOf(record: ReceiptRecord, names: NameBook, t: Messages): string {
  if (record.type === "visit") {
    const shop = record.retailer ? names.shop(record.retailer) : "?";
    return `${shop} · ${t.format.day(record.date)}`;
  }
  const where = record.retailers.length
    ? t.format.list(record.retailers.map((id) => names.shop(id)))
    : t.visits.receipt.offSite;
  return `${t.words.promotionFormat[record.format]} · ${where} · ${t.format.day(record.date)}`;
}

/** The label/value lines of one record; empty facts are left out. */
export function factLines(record: ReceiptRecord, names: NameBook, t: Messages): { label: string; value: string }[] {
  const r = t.visits.receipt;
  const lines: { label: string; value: string }[] = [];
  const add = (label: string, values: string[]) => {
    if (values.length) lines.push({ label, value: t.format.list(values) });
  };
  const product = (sku: string) => names.product(sku);
  const line = (l: { sku: string; qty: number | null; unit: FormatVisit["stock"][number]["unit"] }) =>
    r.line(product(l.sku), l.qty, l.unit);
  if (record.type === "visit") {
    add(r.stock, record.stock.map(line));
    add(r.outOfStock, record.outOfStock.map(product));
    add(r.listed, record.listed.map(product));
    add(r.orders, record.orders.map(line));
    // Counting stock is said by the stock lines themselves.
    const work = record.activities.filter(
      (a) => !(a === "stock_check" && (record.stock.length || record.outOfStock.length)),
    );
    add(
      r.work,
      work.map((a) => t.words.activity[a]),
    );
    if (record.followUp) lines.push({ label: r.followUp, value: r.followUpDay(record.followUp) });
    if (record.feedback)
      lines.push({
        label: r.feedback,
        value: record.feedbackText ? t.format.quote(record.feedbackText) : r.feedbackNoted,
      });
    if (record.compliance) lines.push({ label: r.compliance, value: r.complianceText });
    if (lines.length === 0) lines.push({ label: r.work, value: r.nothing });
    return lines;
  }
  add(r.products, record.skus.map(product));
  if (record.consumers !== null) lines.push({ label: r.consumers, value: r.people(record.consumers) });
  if (record.durationMinutes !== null)
    lines.push({ label: r.duration, value: t.format.minutes(record.durationMinutes) });
  add(r.sales, record.sales.map(line));
  return lines;
}
