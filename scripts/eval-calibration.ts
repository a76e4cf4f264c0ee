/**
 * Does the parser's confidence mean something? Parses a labelled set (FORMAT.md) with the rule parser,
 * pairs each predicted record with its gold record the way score.mjs does, and prints, by confidence
 * bucket, how many facts were right; then the precision of the facts that would be stored without a
 * question (records not asked about, parse/ask.ts), the figure that must stay ≥ 98%.
 *   tsx scripts/eval-calibration.ts GOLD.jsonl FIXTURES_DIR
 */
import { readFileSync } from "node:fs";
import { SURE_ENOUGH } from "../src/domain/confidence.js";
import { recordsToAsk } from "../src/parse/ask.js";
import { createParser, type RecordDraft } from "../src/parse/index.js";
import { readRosterDir } from "../src/roster/roster-files.js";

interface GoldLine {
  id: string;
  sender: string;
  now: string;
  text: string;
  gold: { records: GoldRecord[] };
}
type GoldRecord = Record<string, unknown> & { type?: string };
type Line = { sku: string; qty: number | null; unit: string | null };

/** [fact key as score.mjs writes it, confidence] */
type Fact = [string, number];

const BUCKETS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

const lineKey = (l: Line) => `${l.sku.toUpperCase()}|${l.qty === null ? "null" : Number(l.qty)}|${l.unit ?? "null"}`;

function predictedFacts(r: RecordDraft): Fact[] {
  if (r.type === "promotion") {
    const ids = r.retailers.flatMap((x) => (x.id ? [x.id] : [])).sort();
    const facts: Fact[] = [
      [`promo_retailers=${ids.join(",")}`, Math.min(1, ...r.retailers.map((x) => x.confidence))],
      [`promo_date=${r.date.value}`, r.date.confidence],
      [`promo_format=${r.format.value}`, r.format.confidence],
      ...r.skus.map((s): Fact => [`promo_sku=${s.sku}`, s.confidence]),
      ...r.sales.map((l): Fact => [`promo_sale=${lineKey(l)}`, l.confidence]),
    ];
    if (r.consumers.value !== null) facts.push([`promo_consumers=${r.consumers.value}`, r.consumers.confidence]);
    if (r.durationMinutes.value !== null)
      facts.push([`promo_duration=${r.durationMinutes.value}`, r.durationMinutes.confidence]);
    return facts;
  }
  const shop =
    r.retailer?.id ??
    `null:${(r.retailer?.candidates ?? [])
      .map((c) => c.id)
      .sort()
      .join("|")}`;
  const facts: Fact[] = [
    [`retailer=${shop}`, r.retailer?.confidence ?? 0],
    [`date=${r.date.value}`, r.date.confidence],
    ...[...new Map(r.activities.map((a) => [a.value, a.confidence]))].map(([a, c]): Fact => [`activity=${a}`, c]),
    ...r.stock.map((l): Fact => [`stock=${lineKey(l)}`, l.confidence]),
    ...r.orders.map((l): Fact => [`order=${lineKey(l)}`, l.confidence]),
    ...r.outOfStock.map((f): Fact => [`oos=${f.sku}`, f.confidence]),
    ...r.listed.map((f): Fact => [`listed=${f.sku}`, f.confidence]),
  ];
  if (r.followUp) facts.push([`followUp=${r.followUp.value}`, r.followUp.confidence]);
  if (r.feedback.value) facts.push(["feedback=true", r.feedback.confidence]);
  if (r.compliance.value) facts.push(["compliance=true", r.compliance.confidence]);
  return facts;
}

function goldFacts(g: GoldRecord): string[] {
  const arr = (x: unknown) => (Array.isArray(x) ? (x as unknown[]) : []);
  if (g.type === "promotion") {
    const out = [`promo_retailers=${arr(g.retailers).map(String).sort().join(",")}`, `promo_date=${g.date}`];
    if (g.format) out.push(`promo_format=${g.format}`);
    for (const s of arr(g.skus)) out.push(`promo_sku=${s}`);
    for (const s of arr(g.sales)) out.push(`promo_sale=${lineKey(s as Line)}`);
    if (g.consumers != null) out.push(`promo_consumers=${g.consumers}`);
    if (g.durationMinutes != null) out.push(`promo_duration=${g.durationMinutes}`);
    return out;
  }
  const out = [`retailer=${g.retailer ?? `null:${arr(g.ambiguous).map(String).sort().join("|")}`}`, `date=${g.date}`];
  for (const a of new Set(arr(g.activities))) out.push(`activity=${a}`);
  for (const s of arr(g.stock)) out.push(`stock=${lineKey(s as Line)}`);
  for (const s of arr(g.orders)) out.push(`order=${lineKey(s as Line)}`);
  for (const s of new Set(arr(g.outOfStock))) out.push(`oos=${s}`);
  for (const s of new Set(arr(g.listed))) out.push(`listed=${s}`);
  if (g.followUp != null) out.push(`followUp=${g.followUp}`);
  if (g.feedback === true) out.push("feedback=true");
  if (g.compliance === true) out.push("compliance=true");
  return out;
}

/** Which gold facts a predicted record's facts hit, given the gold record it is paired with (multiset). */
function hits(pred: Fact[], gold: string[] | undefined): boolean[] {
  const left = new Map<string, number>();
  for (const k of gold ?? []) left.set(k, (left.get(k) ?? 0) + 1);
  return pred.map(([k]) => {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    return n > 0;
  });
}

/** Pairs predicted and gold records of one type, most shared facts first (as score.mjs does). */
function pairs(pred: RecordDraft[], gold: GoldRecord[]): Map<number, number> {
  const cand: [number, number, number][] = [];
  pred.forEach((p, j) => {
    gold.forEach((g, i) => {
      if ((g.type ?? "visit") === p.type)
        cand.push([hits(predictedFacts(p), goldFacts(g)).filter(Boolean).length, i, j]);
    });
  });
  cand.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const byPred = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const [, i, j] of cand) {
    if (usedGold.has(i) || byPred.has(j)) continue;
    usedGold.add(i);
    byPred.set(j, i);
  }
  return byPred;
}

function main(goldPath: string, fixtures: string): void {
  const parser = createParser(readRosterDir(fixtures));
  const tally = () => ({ n: 0, ok: 0 });
  const buckets = BUCKETS.map(() => ({ stored: tally(), asked: tally() }));
  const sure = tally();
  for (const raw of readFileSync(goldPath, "utf8").split("\n")) {
    if (!raw.trim()) continue;
    const g = JSON.parse(raw) as GoldLine;
    const result = parser.parse({ text: g.text, senderId: g.sender, now: g.now });
    const asked = recordsToAsk(result);
    const paired = pairs(result.records, g.gold.records ?? []);
    result.records.forEach((record, j) => {
      const facts = predictedFacts(record);
      const gi = paired.get(j);
      const right = hits(facts, gi === undefined ? undefined : goldFacts(g.gold.records[gi] as GoldRecord));
      facts.forEach(([, confidence], k) => {
        const b = buckets[BUCKETS.findLastIndex((x) => confidence >= x)] as (typeof buckets)[number];
        const count = (t: { n: number; ok: number }) => {
          t.n++;
          if (right[k]) t.ok++;
        };
        count(asked[j] ? b.asked : b.stored);
        if (!asked[j] && confidence >= SURE_ENOUGH) count(sure);
      });
    });
  }
  const pct = ({ n, ok }: { n: number; ok: number }) => (n ? `${((100 * ok) / n).toFixed(1).padStart(6)}%` : "      -");
  const out = ["calibration: fact confidence → share of facts right (stored without a question | asked about)"];
  out.push("confidence    stored  precision     asked  precision");
  BUCKETS.forEach((lo, i) => {
    const b = buckets[i] as (typeof buckets)[number];
    const label = `${lo.toFixed(2)}–${(BUCKETS[i + 1] ?? 1).toFixed(2)}`;
    out.push(
      `${label.padEnd(12)}${String(b.stored.n).padStart(8)}  ${pct(b.stored)}  ${String(b.asked.n).padStart(8)}  ${pct(b.asked)}`,
    );
  });
  out.push(`sure facts (≥ ${SURE_ENOUGH}, stored without a question): ${sure.n}, right ${pct(sure).trim()}`);
  process.stdout.write(`${out.join("\n")}\n`);
}

const [goldPath, fixtures] = process.argv.slice(2);
if (!goldPath || !fixtures) {
  process.stderr.write("usage: tsx scripts/eval-calibration.ts GOLD.jsonl FIXTURES_DIR\n");
  process.exit(2);
}
main(goldPath, fixtures);
