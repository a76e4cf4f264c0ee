/**
 * A report waiting for the manager's answers. The draft keeps only the original text and the
 * answers given so far; the records are rebuilt by parsing again and applying the answers, so the
 * parser alone decides how facts attach to shops, and the state survives a restart as plain JSON.
 */
import type {
  FormatPromotion,
  FormatRecord,
  FormatStockLine,
  FormatVisit,
  TextReading,
  Unit,
} from "../domain/records.js";
import type { Lang } from "../domain/roster.js";
import { needsShowingBack } from "../parse/ask.js";
import { toFormat } from "../parse/index.js";
import type { ParseInput, ParseIssue, ParseResult, RecordDraft } from "../parse/types.js";

interface ReportAnswers {
  /** Mention text (or "record:N" for a report that named no shop) → retailer id. */
  shops: Record<string, string>;
  /** "SKU|qty" → the unit the manager named. */
  units: Record<string, Unit>;
  /** Unknown product mention → the text to read in its place (a catalogue name). */
  products: Record<string, string>;
  /**
   * A part of the text the parser did not understand → what the manager said it means (their words,
   * or the reading they picked, as words the parser reads). Absent in drafts saved before it existed.
   */
  meanings?: Record<string, string>;
  /** Mentions the manager said to leave out. */
  dropped: string[];
  /** The manager said yes to the shown understanding. */
  confirmed: boolean;
}

export interface PendingReport {
  text: string;
  /** ISO time of the message in the sender's zone: relative dates stay relative to when it was sent. */
  now: string;
  messageId: string;
  lang: Lang;
  answers: ReportAnswers;
  /** How many questions this report has asked, to stop a loop of unresolvable ones. */
  asked: number;
}

export type Question =
  | { kind: "shop"; key: string; mention: string | null; candidates: { id: string; name: string }[] }
  | {
      kind: "product";
      key: string;
      mention: string;
      candidates: { sku: string; name: string }[];
      /** The name with the amount it seemed to count (大重九5条): left out together when the name is. */
      count?: string;
    }
  | { kind: "unit"; key: string; sku: string | null; qty: number; mention: string; category: string | null }
  | {
      kind: "unclear";
      key: string;
      mention: string;
      readings: TextReading[];
      /** The count and the product it counts, put back in the words of the reading picked. */
      amount: string;
      counted: string;
    }
  | { kind: "confirm" };

export interface Draft {
  result: ParseResult;
  records: FormatRecord[];
  question: Question | null;
}

export function newPending(text: string, now: string, messageId: string, lang: Lang): PendingReport {
  return {
    text,
    now,
    messageId,
    lang,
    answers: { shops: {}, units: {}, products: {}, meanings: {}, dropped: [], confirmed: false },
    asked: 0,
  };
}

/** Parses the report with the answers so far applied; `question` is the next thing to ask, or null when it can be stored. */
export async function buildDraft(
  understand: (input: ParseInput) => Promise<ParseResult>,
  pending: PendingReport,
  senderId: string,
): Promise<Draft> {
  const result = await understand({ text: rewrite(pending.text, pending.answers), senderId, now: pending.now });
  const format = toFormat(result);
  const records = format.records.map((record, i) => applyAnswers(record, result.records[i], pending.answers, i));
  const question = nextQuestion(result, records, pending.answers);
  return { result, records, question };
}

/** The text with unknown product mentions replaced by the manager's choice, and dropped mentions removed. */
function rewrite(text: string, answers: ReportAnswers): string {
  let out = text;
  for (const [mention, replacement] of Object.entries({ ...answers.products, ...answers.meanings }))
    out = out.split(mention).join(replacement);
  for (const mention of answers.dropped) out = out.split(mention).join(" ");
  return out;
}

function shopKey(draft: RecordDraft | undefined, index: number): string {
  if (draft?.type === "visit" && draft.retailer?.mention.text) return draft.retailer.mention.text;
  return `record:${index}`;
}

const unitKey = (sku: string | null, qty: number) => `${sku ?? "?"}|${qty}`;

function applyAnswers(
  record: FormatRecord,
  draft: RecordDraft | undefined,
  answers: ReportAnswers,
  index: number,
): FormatRecord {
  if (record.type === "visit") {
    const visit: FormatVisit = {
      ...record,
      stock: record.stock.map(withUnit(answers)),
      orders: record.orders.map(withUnit(answers)),
    };
    const chosen = answers.shops[shopKey(draft, index)];
    if (!visit.retailer && chosen) return { ...visit, retailer: chosen, ambiguous: null };
    return visit;
  }
  const promotion: FormatPromotion = { ...record, sales: record.sales.map(withUnit(answers)) };
  const extra =
    draft?.type === "promotion"
      ? draft.issues.flatMap((i) =>
          i.kind === "ambiguous_retailer" || i.kind === "unknown_retailer" ? [answers.shops[i.mention.text]] : [],
        )
      : [];
  const retailers = [...new Set([...promotion.retailers, ...extra.filter((id): id is string => !!id)])].sort();
  return { ...promotion, retailers };
}

/** A line whose unit the manager named in an answer gets it. */
const withUnit = (answers: ReportAnswers) => (line: FormatStockLine) => {
  const named = line.qty !== null && line.unit === null ? answers.units[unitKey(line.sku, line.qty)] : undefined;
  return named ? { ...line, unit: named } : line;
};

function nextQuestion(result: ParseResult, records: FormatRecord[], answers: ReportAnswers): Question | null {
  const issues: { issue: ParseIssue; index: number }[] = [
    ...result.records.flatMap((r, index) => r.issues.map((issue) => ({ issue, index }))),
    ...result.issues.map((issue) => ({ issue, index: -1 })),
  ];
  // Shops first: until the shop is known nothing else about the record matters.
  for (const { issue, index } of issues) {
    if (issue.kind !== "ambiguous_retailer" && issue.kind !== "unknown_retailer" && issue.kind !== "missing_retailer")
      continue;
    const key = issue.mention?.text ?? `record:${Math.max(index, 0)}`;
    if (answers.shops[key] || answers.dropped.includes(key)) continue;
    const record = index >= 0 ? records[index] : undefined;
    if (record?.type === "visit" && record.retailer) continue;
    return {
      kind: "shop",
      key,
      mention: issue.mention?.text ?? null,
      candidates: issue.kind === "ambiguous_retailer" ? issue.candidates.map((c) => ({ id: c.id, name: c.name })) : [],
    };
  }
  for (const { issue } of issues) {
    if (issue.kind !== "unknown_product" && issue.kind !== "uncertain_product") continue;
    const key = issue.mention.text;
    if (answers.products[key] !== undefined || answers.dropped.includes(key)) continue;
    return {
      kind: "product",
      key,
      mention: key,
      candidates: issue.kind === "uncertain_product" ? issue.candidates : [],
      count: issue.kind === "unknown_product" ? issue.count?.text : undefined,
    };
  }
  for (const { issue } of issues) {
    if (issue.kind !== "missing_unit") continue;
    const key = unitKey(issue.sku, issue.qty);
    if (answers.units[key]) continue;
    return {
      kind: "unit",
      key,
      sku: issue.sku,
      qty: issue.qty,
      mention: issue.mention.text,
      category: issue.category ?? null,
    };
  }
  // A visit whose shop is still unknown (no issue said why) must not be stored.
  const unresolved = records.findIndex((r) => r.type === "visit" && !r.retailer);
  if (unresolved >= 0) {
    const key = shopKey(result.records[unresolved], unresolved);
    if (!answers.shops[key]) {
      const visit = records[unresolved] as FormatVisit;
      const names = new Map(result.shops.flatMap((s) => s.candidates).map((c) => [c.id, c.name]));
      return {
        kind: "shop",
        key,
        mention: key.startsWith("record:") ? null : key,
        candidates: (visit.ambiguous ?? []).map((id) => ({ id, name: names.get(id) ?? id })),
      };
    }
  }
  for (const { issue } of issues) {
    if (issue.kind !== "unclear_text") continue;
    const key = issue.mention.text;
    if (answers.meanings?.[key] !== undefined || answers.dropped.includes(key)) continue;
    return {
      kind: "unclear",
      key,
      mention: key,
      readings: issue.readings,
      amount: issue.amount?.text ?? "",
      counted: issue.counted?.text ?? "",
    };
  }
  // A visit that says nothing, or a fact the parser is not sure of: shown back and stored only once confirmed.
  if (!answers.confirmed && needsShowingBack(result)) return { kind: "confirm" };
  return null;
}

/** The draft's records with each visit's feedback in the owner's words, as receipts show them and the store keeps them. */
export function recordsWithFeedback(draft: Draft): (FormatRecord & { feedbackText?: string | null })[] {
  return draft.records.map((record, i) => {
    const source = draft.result.records[i];
    return record.type === "visit" && source?.type === "visit"
      ? { ...record, feedbackText: source.feedbackText }
      : record;
  });
}
