/**
 * Putting the rules' and the model's readings together, fact by fact.
 * hybrid: the rules are the base; a fact they were sure about stays, the model fills what they
 * missed or were unsure of. llm: the model is the base; the rules fill a shop the model could
 * not ground. In both, a shop the rules found ambiguous stays a question: neither side guesses.
 */
import { SURE_ENOUGH } from "../../domain/confidence.js";
import { isReportIntent } from "../../domain/records.js";
import type {
  Fact,
  ParseIssue,
  ParseResult,
  PromotionDraft,
  QuantityLine,
  RecordDraft,
  SkuFact,
  VisitDraft,
} from "../types.js";
import type { GroundedAnswer } from "./ground.js";

export type MergeMode = "hybrid" | "llm";

/** Below this the rules' intent gives way to the model's in hybrid mode. */
const INTENT_SURE = 0.8;

const sure = (f: { confidence: number } | null | undefined) => !!f && f.confidence >= SURE_ENOUGH;
const ambiguous = (r: VisitDraft) => !!r.retailer && r.retailer.id === null && r.retailer.candidates.length >= 2;

function shopIds(r: RecordDraft): string[] {
  if (r.type === "promotion") return r.retailers.flatMap((x) => (x.id ? [x.id] : x.candidates.map((c) => c.id)));
  if (!r.retailer) return [];
  return r.retailer.id ? [r.retailer.id] : r.retailer.candidates.map((c) => c.id);
}

/** Pairs records that are about the same shop; then records without a shop, in order. */
function pair(rules: RecordDraft[], model: RecordDraft[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  rules.forEach((r, ri) => {
    const ids = shopIds(r);
    const mi = model.findIndex(
      (m, i) => !used.has(i) && m.type === r.type && shopIds(m).some((id) => ids.includes(id)),
    );
    if (mi < 0) return;
    pairs.set(ri, mi);
    used.add(mi);
  });
  rules.forEach((r, ri) => {
    if (pairs.has(ri)) return;
    const mi = model.findIndex(
      (m, i) => !used.has(i) && m.type === r.type && (shopIds(r).length === 0 || shopIds(m).length === 0),
    );
    if (mi < 0) return;
    pairs.set(ri, mi);
    used.add(mi);
  });
  return pairs;
}

/** A counted line without its unit is not sure, whatever its confidence: the unit is a question. */
const complete = (l: QuantityLine) => sure(l) && !(l.qty !== null && l.unit === null);

/** Lines by SKU: the base's sure lines stay; the other side adds SKUs the base lacks or was unsure of. */
function lines(base: QuantityLine[], extra: QuantityLine[]): QuantityLine[] {
  const kept = base.filter((l) => complete(l) || !extra.some((e) => e.sku === l.sku));
  return [...kept, ...extra.filter((e) => !kept.some((k) => k.sku === e.sku))];
}
const skus = (base: SkuFact[], extra: SkuFact[]) => [
  ...base,
  ...extra.filter((e) => !base.some((b) => b.sku === e.sku)),
];

function mergeVisit(rules: VisitDraft, model: VisitDraft, mode: MergeMode): VisitDraft {
  const [base, other] = mode === "hybrid" ? [rules, model] : [model, rules];
  const retailer = ambiguous(rules)
    ? rules.retailer
    : mode === "hybrid" && rules.retailer?.id && sure(rules.retailer)
      ? rules.retailer
      : model.retailer?.id
        ? model.retailer
        : rules.retailer?.id
          ? rules.retailer
          : base.retailer;
  const date =
    base.date.source === "said" && sure(base.date) ? base.date : other.date.source === "said" ? other.date : base.date;
  const activities = [
    ...base.activities,
    ...other.activities.filter((a) => !base.activities.some((b) => b.value === a.value)),
  ];
  const stock = mode === "hybrid" ? lines(rules.stock, model.stock) : model.stock;
  const orders = mode === "hybrid" ? lines(rules.orders, model.orders) : model.orders;
  const followUp = base.followUp && sure(base.followUp) ? base.followUp : (other.followUp ?? base.followUp);
  const flag = (a: VisitDraft["feedback"], b: VisitDraft["feedback"]) => (a.value || !b.value ? a : b);
  const feedback = mode === "hybrid" ? flag(rules.feedback, model.feedback) : model.feedback;
  const issues = [
    ...(retailer === rules.retailer ? rules.issues : model.issues).filter(isShopIssue),
    ...unitIssues([...stock, ...orders], [...rules.issues, ...model.issues]),
  ];
  return {
    type: "visit",
    retailer: retailer ?? null,
    date,
    activities,
    stock,
    outOfStock: mode === "hybrid" ? skus(rules.outOfStock, model.outOfStock) : model.outOfStock,
    listed: mode === "hybrid" ? skus(rules.listed, model.listed) : model.listed,
    orders,
    followUp,
    feedback,
    // The owner's words come from the text (the rules); the model only says whether there were any.
    feedbackText: feedback.value ? (rules.feedbackText ?? model.feedbackText) : null,
    // A red flag either side saw stays: words injected into the message cannot talk the model out of one.
    compliance: flag(rules.compliance, model.compliance),
    issues: [...issues, ...rules.issues.filter((i) => !isShopIssue(i) && i.kind !== "missing_unit")],
  };
}

function mergePromotion(rules: PromotionDraft, model: PromotionDraft, mode: MergeMode): PromotionDraft {
  const [base, other] = mode === "hybrid" ? [rules, model] : [model, rules];
  const retailers = [
    ...base.retailers,
    ...other.retailers.filter((x) => x.id && !base.retailers.some((b) => b.id === x.id)),
  ];
  const pick = <F extends Fact<unknown>>(a: F, b: F): F => (sure(a) && a.value !== null ? a : b.value !== null ? b : a);
  const sales = mode === "hybrid" ? lines(rules.sales, model.sales) : model.sales;
  return {
    type: "promotion",
    retailers,
    date:
      base.date.source === "said" && sure(base.date)
        ? base.date
        : other.date.source === "said"
          ? other.date
          : base.date,
    skus: skus(base.skus, other.skus),
    format: pick(base.format, other.format),
    consumers: pick(base.consumers, other.consumers),
    durationMinutes: pick(base.durationMinutes, other.durationMinutes),
    sales,
    issues: [
      ...rules.issues.filter((i) => i.kind !== "missing_unit"),
      ...unitIssues(sales, [...rules.issues, ...model.issues]),
    ],
  };
}

const isShopIssue = (i: ParseIssue) =>
  i.kind === "ambiguous_retailer" || i.kind === "unknown_retailer" || i.kind === "missing_retailer";

/** A missing unit is still a question only if the merged line for that SKU and amount still lacks one. */
function unitIssues(merged: QuantityLine[], issues: ParseIssue[]): ParseIssue[] {
  const open = issues.filter(
    (i) => i.kind === "missing_unit" && merged.some((l) => l.sku === i.sku && l.qty === i.qty && l.unit === null),
  );
  return open.filter(
    (i, n) =>
      open.findIndex(
        (j) => j.kind === "missing_unit" && i.kind === "missing_unit" && j.sku === i.sku && j.qty === i.qty,
      ) === n,
  );
}

export function mergeParses(rules: ParseResult, model: GroundedAnswer, mode: MergeMode): ParseResult {
  const intent = mode === "hybrid" && rules.intent.confidence >= INTENT_SURE ? rules.intent : model.intent;
  if (!isReportIntent(intent.value)) return { ...rules, intent, records: [], issues: [] };
  const pairs = pair(rules.records, model.records);
  const paired = new Set(pairs.values());
  const merged: RecordDraft[] = [];
  rules.records.forEach((r, ri) => {
    const mi = pairs.get(ri);
    if (mi === undefined) {
      // In llm mode the model read the whole message: a record only the rules saw stays only if the model saw none.
      if (mode === "hybrid" || model.records.length === 0) merged.push(r);
      return;
    }
    const m = model.records[mi];
    merged.push(
      r.type === "visit" ? mergeVisit(r, m as VisitDraft, mode) : mergePromotion(r, m as PromotionDraft, mode),
    );
  });
  for (const [mi, m] of model.records.entries()) if (!paired.has(mi)) merged.push(m);
  const placed = merged.some((r) => (r.type === "visit" ? !!r.retailer?.id : r.retailers.length > 0));
  return {
    ...rules,
    intent,
    records: merged,
    issues: rules.issues.filter((i) => !(placed && i.kind === "missing_retailer")),
  };
}
