/**
 * The fact-level score of parses against a labelled set, computed as the shared scorer
 * (../shared/eval/score.mjs, FORMAT.md) computes it, so our own holdout sets are scored on a clone
 * with nothing beside it. The dev-set test checks that both scorers agree whenever the shared one is there.
 */
import { readFileSync } from "node:fs";

interface AmountLine {
  sku: string;
  qty?: number | null;
  unit?: string | null;
}

/** A visit or promotion record as labelled or predicted; absent fields count as empty. */
interface ScoredRecord {
  type?: string;
  retailer?: string | null;
  ambiguous?: string[] | null;
  date?: string;
  activities?: string[];
  stock?: AmountLine[];
  outOfStock?: string[];
  listed?: string[];
  orders?: AmountLine[];
  followUp?: string | null;
  feedback?: boolean;
  compliance?: boolean;
  retailers?: string[];
  skus?: string[];
  format?: string;
  consumers?: number | null;
  durationMinutes?: number | null;
  sales?: AmountLine[];
}

interface LabelledLine {
  id: string;
  sender: string;
  now: string;
  text: string;
  gold: { intent: string; records?: ScoredRecord[] };
}

export interface PredictedLine {
  id: string;
  intent: string;
  records: ScoredRecord[];
}

const CATEGORIES = [
  "retailer",
  "date",
  "activity",
  "stock",
  "oos",
  "listed",
  "order",
  "followUp",
  "feedback",
  "compliance",
  "promo_retailers",
  "promo_date",
  "promo_sku",
  "promo_format",
  "promo_consumers",
  "promo_duration",
  "promo_sale",
] as const;
type Category = (typeof CATEGORIES)[number];

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  messages: number;
  missing: number;
  intentAccuracy: number;
  categories: Record<Category, Tally>;
  overall: Tally;
}

export function readLabelled(path: string): LabelledLine[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledLine);
}

const quantity = (qty: number | null | undefined) => (qty === null || qty === undefined ? "null" : String(Number(qty)));
const amount = (line: AmountLine) =>
  `${line.sku.toUpperCase()}|${quantity(line.qty)}|${line.unit == null ? "null" : line.unit.toLowerCase()}`;

/** The facts of one record, as [category, fact] pairs. */
function facts(record: ScoredRecord): [Category, string][] {
  const out: [Category, string][] = [];
  const add = (category: Category, key: string) => out.push([category, `${category}=${key}`]);
  if (record.type === "promotion") {
    add("promo_retailers", [...(record.retailers ?? [])].sort().join(","));
    if (record.date) add("promo_date", record.date);
    for (const sku of record.skus ?? []) add("promo_sku", sku.toUpperCase());
    if (record.format) add("promo_format", record.format);
    if (record.consumers != null) add("promo_consumers", quantity(record.consumers));
    if (record.durationMinutes != null) add("promo_duration", quantity(record.durationMinutes));
    for (const sale of record.sales ?? []) add("promo_sale", amount(sale));
    return out;
  }
  add("retailer", record.retailer ?? `null:${[...(record.ambiguous ?? [])].sort().join("|")}`);
  if (record.date) add("date", record.date);
  for (const activity of new Set(record.activities ?? [])) add("activity", activity);
  for (const line of record.stock ?? []) add("stock", amount(line));
  for (const sku of new Set(record.outOfStock ?? [])) add("oos", sku.toUpperCase());
  for (const sku of new Set(record.listed ?? [])) add("listed", sku.toUpperCase());
  for (const line of record.orders ?? []) add("order", amount(line));
  if (record.followUp != null) add("followUp", record.followUp);
  if (record.feedback === true) add("feedback", "true");
  if (record.compliance === true) add("compliance", "true");
  return out;
}

/** How many of `a`'s keys `b` also holds, each key counted as often as both hold it. */
function sharedCount(a: string[], b: string[]): Map<string, number> {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  const both = new Map<string, number>();
  for (const key of a) {
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      both.set(key, (both.get(key) ?? 0) + 1);
    }
  }
  return both;
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
const recordType = (record: ScoredRecord) => record.type ?? "visit";

/** Pairs labelled and predicted records of the same type, most shared facts first (ties: earliest first). */
function pair(
  gold: ScoredRecord[],
  predicted: ScoredRecord[],
): { pairs: [number, number][]; loneGold: number[]; lonePredicted: number[] } {
  const candidates: { shared: number; g: number; p: number }[] = [];
  for (const [gi, g] of gold.entries()) {
    for (const [pi, p] of predicted.entries()) {
      if (recordType(g) !== recordType(p)) continue;
      const shared = total(
        sharedCount(
          facts(g).map(([, key]) => key),
          facts(p).map(([, key]) => key),
        ),
      );
      candidates.push({ shared, g: gi, p: pi });
    }
  }
  candidates.sort((x, y) => y.shared - x.shared || x.g - y.g || x.p - y.p);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { g, p } of candidates) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    pairs.push([g, p]);
  }
  return {
    pairs,
    loneGold: gold.map((_, i) => i).filter((i) => !usedGold.has(i)),
    lonePredicted: predicted.map((_, i) => i).filter((i) => !usedPredicted.has(i)),
  };
}

function tallyOf(tp: number, fp: number, fn: number): Tally {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Scores predicted parses against labelled lines: intent accuracy and fact precision, recall and F1. */
export function scoreParses(labelled: LabelledLine[], predictions: PredictedLine[]): Score {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Category,
    { tp: number; fp: number; fn: number }
  >;
  let intentRight = 0;
  let missing = 0;
  // Labelled facts found are true positives, those not found false negatives; predicted facts not labelled, false positives.
  const count = (goldFacts: [Category, string][], predictedFacts: [Category, string][]) => {
    const both = sharedCount(
      goldFacts.map(([, key]) => key),
      predictedFacts.map(([, key]) => key),
    );
    const take = (list: [Category, string][], kind: "fn" | "fp") => {
      const left = new Map(both);
      for (const [category, key] of list) {
        const n = left.get(key) ?? 0;
        if (n > 0) {
          left.set(key, n - 1);
          if (kind === "fn") counts[category].tp++;
        } else counts[category][kind]++;
      }
    };
    take(goldFacts, "fn");
    take(predictedFacts, "fp");
  };
  for (const line of labelled) {
    const predicted = byId.get(line.id);
    if (!predicted) missing++;
    if (line.gold.intent === predicted?.intent) intentRight++;
    const goldRecords = line.gold.records ?? [];
    const predictedRecords = predicted?.records ?? [];
    const { pairs, loneGold, lonePredicted } = pair(goldRecords, predictedRecords);
    for (const [g, p] of pairs) count(facts(goldRecords[g]!), facts(predictedRecords[p]!));
    for (const g of loneGold) count(facts(goldRecords[g]!), []);
    for (const p of lonePredicted) count([], facts(predictedRecords[p]!));
  }
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, tallyOf(counts[c].tp, counts[c].fp, counts[c].fn)]),
  ) as Record<Category, Tally>;
  const sum = (kind: "tp" | "fp" | "fn") => CATEGORIES.reduce((n, c) => n + counts[c][kind], 0);
  return {
    messages: labelled.length,
    missing,
    intentAccuracy: intentRight / Math.max(1, labelled.length),
    categories,
    overall: tallyOf(sum("tp"), sum("fp"), sum("fn")),
  };
}
