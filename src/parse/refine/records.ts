/**
 * Assembles the records of a report: one visit per shop named (facts attached to the shop
 * whose stretch of text holds them), the promotion event if there is one, and the visit at
 * the event's shop only when the text says more about the shop than the event (FORMAT.md).
 */
import { daysBetween } from "../../domain/calendar.js";
import type { Activity } from "../../domain/records.js";
import { sentenceAround } from "../common/normalize.js";
import { firstFrom, inSortedRanges, type Span } from "../common/spans.js";
import { PARSE_LOCALES } from "../locale.js";
import type {
  Fact,
  ParseIssue,
  PromotionDraft,
  QuantityLine,
  RecordDraft,
  RetailerRef,
  SkuFact,
  TextSpan,
  VisitDraft,
} from "../types.js";
import { unclearParts } from "./accounted.js";
import type { Analysis, ProductSpan, ShopSpan } from "./analysis.js";
import { type Dating, dating, visitDayFor } from "./dating.js";
import { feedbackText, ownerSpeech } from "./feedback.js";
import type { Grounding } from "./grounding.js";
import { type BoundFacts, type BoundLine, bindLines } from "./lines.js";
import { findPromotion, type PromotionSite } from "./promotion.js";
import { groupShops, type Range, type ShopThread, threads as shopThreads } from "./segments.js";
import { visitFlags } from "./visit-facts.js";

/**
 * How sure each kind of fact is, by how it was found. Every fact the text states stands above
 * SURE_ENOUGH (domain/confidence.ts, 0.6), so a clean report is stored without a yes/no; what takes
 * a fact below it is its grounding (a product or shop that could not be told apart).
 */
const CONFIDENCE = {
  /** A counted line; a vague one (十几条, "a few") less: its amount is the writer's guess. */
  countedLine: 0.95,
  vagueLine: 0.8,
  /** Two different counts of one product in one unit: one of them is wrong. */
  disputed: 0.5,
  /** A product said to be out of stock or newly listed. */
  productFact: 0.9,
  /** A follow-up with its day said; one promised with no day. */
  datedFollowUp: 0.85,
  undatedFollowUp: 0.7,
  /** An activity the text names (理货); one the facts imply (a stock line is a stock check). */
  namedActivity: 0.85,
  impliedActivity: 0.95,
  /** The visit at an event's shop took part in the event. */
  atEvent: 0.9,
  /** A visit day the text says; today, when it says none. */
  saidDay: 0.9,
  today: 0.8,
  /** A visit day weeks back (a festival a year ago, a misread date): shown back before it is stored. */
  longAgo: 0.5,
  /** Owner feedback heard; a forbidden practice seen (its words are broader, so less). */
  feedback: 0.8,
  compliance: 0.75,
  /** No feedback or practice heard: an absence is weaker evidence than a word. */
  notHeard: 0.7,
  /** An event's format, head count or duration as said; a head count or duration not said. */
  eventFact: 0.85,
  eventFactUnsaid: 0.7,
} as const;

/** A promoted product this close to an amount or a stock-out word is what those count, not what was promoted. */
const COUNTED_NEAR = 6;

const span = (a: Analysis, s: { start: number; end: number }): TextSpan => ({
  start: s.start,
  end: s.end,
  text: a.text.slice(s.start, s.end),
});

/** Reports come in the same day or soon after; a visit dated further back than this is asked about. */
const LONG_AGO_DAYS = 14;

const dayFact = (a: Analysis, date: { day: string; said: boolean }): Fact<string> => {
  if (!date.said) return { value: date.day, confidence: CONFIDENCE.today, source: "implied" };
  const longAgo = daysBetween(date.day, a.today) > LONG_AGO_DAYS;
  return { value: date.day, confidence: longAgo ? CONFIDENCE.longAgo : CONFIDENCE.saidDay, source: "said" };
};

/** A yes/no the text shows by a cue (feedback, a forbidden practice): yes where the cue stands, else an implied no. */
function heard(a: Analysis, cue: { start: number; end: number } | null, confidence: number): Fact<boolean> {
  return cue
    ? { value: true, confidence, source: "said", span: span(a, cue) }
    : { value: false, confidence: CONFIDENCE.notHeard, source: "implied" };
}

/** An event's head count or duration as said, or an implied null. */
function eventCount(
  a: Analysis,
  said: { start: number; end: number; value: number | null } | undefined,
): Fact<number | null> {
  return said
    ? { value: said.value, confidence: CONFIDENCE.eventFact, source: "said", span: span(a, said) }
    : { value: null, confidence: CONFIDENCE.eventFactUnsaid, source: "implied" };
}

function retailerRef(a: Analysis, g: Grounding, m: ShopSpan): RetailerRef {
  const id = m.resolved;
  return {
    id: id === null ? null : g.shops.retailer(id).id,
    name: id === null ? null : g.shops.retailer(id).name,
    mention: span(a, m),
    candidates: (id === null ? m.shops : [id]).map((i) => g.shops.candidate(i)),
    confidence: g.shops.confidence(m),
    source: "said",
    via: m.via,
  };
}

function quantityLine(a: Analysis, g: Grounding, l: BoundLine): QuantityLine | null {
  if (l.product.resolved === null) return null;
  return {
    sku: g.catalog.product(l.product.resolved).sku,
    qty: l.qty,
    unit: l.unit,
    // A count with its unit missing carries a missing_unit question; once answered it is as sure as any other.
    confidence: g.catalog.confidence(l.product) * (l.qty === null ? CONFIDENCE.vagueLine : CONFIDENCE.countedLine),
    source: "said",
    product: span(a, l.product),
    amount: span(a, l.amount),
  };
}

/**
 * 红塔山8条…是6条 with the correction missed: two different counts of one product in one unit
 * cannot both be right, so neither is stored without asking. (3条+5包 of one product can.)
 */
function disputed(lines: QuantityLine[]): QuantityLine[] {
  const key = (l: QuantityLine) => `${l.sku}|${l.unit}`;
  const counts = new Map<string, Set<number>>();
  for (const l of lines) if (l.qty !== null) counts.set(key(l), (counts.get(key(l)) ?? new Set()).add(l.qty));
  return lines.map((l) =>
    (counts.get(key(l))?.size ?? 0) > 1 ? { ...l, confidence: Math.min(l.confidence, CONFIDENCE.disputed) } : l,
  );
}

/** "3 cs Coke Zero … OOS": a product both counted on hand and out of stock is one misreading; ask. */
function outUnlessCounted(out: SkuFact[], stock: QuantityLine[]): SkuFact[] {
  const onHand = new Set(stock.flatMap((l) => (l.qty ? [l.sku] : [])));
  return out.map((f) => (onHand.has(f.sku) ? { ...f, confidence: Math.min(f.confidence, CONFIDENCE.disputed) } : f));
}

function skuFacts(
  a: Analysis,
  g: Grounding,
  list: { product: ProductSpan; cue: { start: number; end: number } }[],
): SkuFact[] {
  const out: SkuFact[] = [];
  for (const f of list) {
    if (f.product.resolved === null) continue;
    const sku = g.catalog.product(f.product.resolved).sku;
    if (!out.some((x) => x.sku === sku))
      out.push({
        sku,
        confidence: g.catalog.confidence(f.product) * CONFIDENCE.productFact,
        source: "said",
        span: span(a, f.product),
      });
  }
  return out;
}

function productIssues(a: Analysis, g: Grounding, ranges: Range[], bound: BoundFacts): ParseIssue[] {
  const issues: ParseIssue[] = [];
  for (const p of a.products) {
    if (p.resolved !== null || !inSortedRanges(ranges, p.start)) continue;
    issues.push({
      kind: "uncertain_product",
      mention: span(a, p),
      candidates: p.products.map((i) => ({ sku: g.catalog.product(i).sku, name: g.catalog.product(i).name })),
    });
  }
  for (const l of bound.loose) {
    const sku = l.product?.resolved != null ? g.catalog.product(l.product.resolved).sku : null;
    // An amount beside an unknown word asks what that word is (its count goes with it if the sender
    // says to leave it out); one with no product word at all is asked about as unexplained (accounted.ts).
    if (!l.product && l.unknown) {
      const count = { start: Math.min(l.unknown.start, l.amount.start), end: Math.max(l.unknown.end, l.amount.end) };
      issues.push({ kind: "unknown_product", mention: span(a, l.unknown), count: span(a, count) });
    }
    if (l.amount.unit === null && l.amount.qty !== null)
      issues.push({
        kind: "missing_unit",
        sku,
        qty: l.amount.qty,
        mention: span(a, l.amount),
        category: l.product?.resolved != null ? g.catalog.product(l.product.resolved).category : undefined,
      });
  }
  return issues;
}

/** 上了2条纯境: an order that puts a product on the shelf lists it too. */
function listWithOrders(a: Analysis, bound: BoundFacts): void {
  const words = a.locale.lines.listingOrder;
  if (!words) return;
  for (const l of bound.lines) {
    if (l.kind !== "order") continue;
    if (words.test(a.norm.slice(Math.max(0, l.amount.start - 4), l.amount.start)))
      bound.listed.push({ product: l.product, cue: l.amount });
  }
}

/** 老板说下次人多的时候再搞: a promise in the owner's words is theirs, unless they ask the writer (让我过两天再来). */
function ownersPromise(a: Analysis, cue: { start: number; end: number }, speech: Span[]): boolean {
  const s = speech.find((x) => cue.start >= x.start && cue.start < x.end);
  if (!s || a.locale.feedback.writersVisit.test(a.norm.slice(cue.start, cue.end))) return false;
  return !PARSE_LOCALES.some((l) => l.feedback.asksWriter.test(a.norm.slice(s.start, cue.start)));
}

function followUpFor(a: Analysis, d: Dating, thread: ShopThread | null, speech: Span[]): Fact<string> | null {
  const mentions = new Set(thread?.mentions);
  const mine = d.followUps.filter((f) => {
    if (ownersPromise(a, f.cue, speech)) return false;
    // "back at walnut creek on fri": a shop named right after the verb is the one promised (a farther
    // shop has the nearer one's name in between).
    const next = firstFrom(a.shops, f.cue.end);
    const named = next && /^\s*(?:at|to|by)?\s*$/.test(a.norm.slice(f.cue.end, next.start)) ? next : undefined;
    if (named) return mentions.has(named);
    if (!thread || inSortedRanges(thread.ranges, f.cue.start)) return true;
    // 两家都是元宵节后再去, "see both again": a promise for every shop, said in a sentence naming none
    const [s, e] = sentenceAround(a.sentenceEnds, f.cue.start);
    return (
      a.locale.followUpReach.everyShop.test(a.norm.slice(s, e)) && !a.shops.some((m) => m.start >= s && m.start < e)
    );
  });
  const dated = mine.find((f) => f.date);
  const pick = dated ?? mine[0];
  if (!pick) return null;
  return {
    value: pick.value,
    confidence: dated ? CONFIDENCE.datedFollowUp : CONFIDENCE.undatedFollowUp,
    source: "said",
    span: span(a, pick.date ?? pick.cue),
  };
}

function buildVisit(
  a: Analysis,
  g: Grounding,
  d: Dating,
  thread: ShopThread | null,
  ranges: Range[],
  inPromotion: boolean,
): { draft: VisitDraft; substantive: boolean } {
  const bound = bindLines(a, ranges);
  listWithOrders(a, bound);
  const flags = visitFlags(a, ranges, bound, inPromotion);
  const lines = bound.lines.map((l) => ({ kind: l.kind, line: quantityLine(a, g, l) }));
  const ofKind = (kind: BoundLine["kind"]) => lines.flatMap((l) => (l.kind === kind && l.line ? [l.line] : []));
  // "Monster is low, about a case left": a vague count beside a counted one of the same product says no more.
  const counted = new Set(ofKind("stock").flatMap((l) => (l.qty !== null ? [l.sku] : [])));
  const stock = disputed(ofKind("stock").filter((l) => l.qty !== null || !counted.has(l.sku)));
  const orders = disputed(ofKind("order"));
  const first = thread?.first;
  const date = visitDayFor(a, d, first?.start ?? 0, ranges[ranges.length - 1]?.end ?? a.norm.length);
  const followUp = followUpFor(a, d, thread, flags.speech);
  const activities: Fact<Activity>[] = [...flags.activities].map(([value, cue]) => ({
    value,
    confidence: cue ? CONFIDENCE.namedActivity : CONFIDENCE.impliedActivity,
    source: cue ? "said" : "implied",
    span: cue ? span(a, cue) : undefined,
  }));
  const issues: ParseIssue[] = [...productIssues(a, g, ranges, bound), ...unclearParts(a, ranges, bound, false)];
  let retailer: RetailerRef | null = null;
  if (thread && first) {
    retailer = retailerRef(a, g, first);
    if (retailer.id === null && !retailer.candidates.length)
      issues.unshift({ kind: "unknown_retailer", mention: retailer.mention });
    else if (retailer.id === null)
      issues.unshift({ kind: "ambiguous_retailer", mention: retailer.mention, candidates: retailer.candidates });
  } else issues.unshift({ kind: "missing_retailer", mention: null });
  const draft: VisitDraft = {
    type: "visit",
    retailer,
    date: dayFact(a, date),
    activities,
    stock,
    outOfStock: outUnlessCounted(skuFacts(a, g, bound.outOfStock), stock),
    listed: skuFacts(a, g, bound.listed),
    orders,
    followUp,
    feedback: heard(a, flags.feedback, CONFIDENCE.feedback),
    feedbackText: feedbackText(a, flags.feedbackCues, ranges),
    compliance: heard(a, flags.compliance, CONFIDENCE.compliance),
    quiet: a.cues.some((c) => c.kind === "quiet" && inSortedRanges(ranges, c.start)),
    issues,
  };
  const substantive =
    stock.length + orders.length + draft.outOfStock.length + draft.listed.length > 0 ||
    !!followUp ||
    !!flags.feedback ||
    !!flags.compliance ||
    activities.some((x) => x.value !== "display" && x.value !== "promotion");
  return { draft, substantive };
}

/** Products that only name what an amount or a stock-out counts ("硬中还有2件") are not what was promoted. */
function promotedSkus(
  a: Analysis,
  g: Grounding,
  site: PromotionSite,
  bound: BoundFacts,
  spoken: (p: Span) => boolean,
): SkuFact[] {
  const near = (p: ProductSpan, s: { start: number; end: number }) =>
    Math.max(s.start - p.end, p.start - s.end) <= COUNTED_NEAR;
  const counted = new Set<ProductSpan>();
  for (const l of bound.lines) if (l.kind !== "sale" && near(l.product, l.amount)) counted.add(l.product);
  for (const f of [...bound.outOfStock, ...bound.listed]) if (near(f.product, f.cue)) counted.add(f.product);
  const list = a.products
    .filter((p) => inSortedRanges(site.ranges, p.start) && !counted.has(p) && !spoken(p))
    .map((product) => ({ product, cue: product }));
  for (const l of bound.lines)
    if (l.kind === "sale" && !spoken(l.product)) list.push({ product: l.product, cue: l.product });
  return skuFacts(a, g, list);
}

function firstIn<T extends { start: number; value: number | null }>(list: T[], ranges: Range[]): T | undefined {
  return list.find((x) => inSortedRanges(ranges, x.start));
}

function buildPromotion(a: Analysis, g: Grounding, d: Dating, site: PromotionSite): PromotionDraft {
  const bound = bindLines(a, site.ranges);
  // 做了利群品鉴 老板说软中华最近卖得好 卖了12条: a product the owner talks about was not promoted,
  // and a sale counted against it belongs to what was.
  const feedbackCues = a.cues.filter((q) => q.kind === "feedback" && inSortedRanges(site.ranges, q.start));
  const speech = ownerSpeech(a, feedbackCues, site.ranges);
  const spoken = (p: Span) => speech.some((s) => p.start >= s.start && p.end <= s.end);
  const skus = promotedSkus(a, g, site, bound, spoken);
  // A sale with no product named belongs to the one product promoted.
  const [only, ...more] = skus;
  const soleSku = only && !more.length ? only.sku : null;
  const sales = bound.lines
    .filter((l) => l.kind === "sale")
    .map((l) => {
      const line = quantityLine(a, g, l);
      return line && soleSku && spoken(l.product) ? { ...line, sku: soleSku } : line;
    })
    .filter((l): l is QuantityLine => !!l);
  if (soleSku) for (const s of sales) if (!s.sku) s.sku = soleSku;
  const consumers = firstIn(a.consumers, site.ranges);
  const duration = firstIn(a.durations, site.ranges);
  const anchor = site.shops[0]?.first.start ?? site.cueStart;
  const date = visitDayFor(a, d, anchor, site.ranges[site.ranges.length - 1]?.end ?? a.norm.length);
  return {
    type: "promotion",
    retailers: site.shops.filter((t) => t.first.resolved !== null).map((t) => retailerRef(a, g, t.first)),
    date: dayFact(a, date),
    skus,
    format: { value: site.format, confidence: CONFIDENCE.eventFact, source: "said" },
    consumers: eventCount(a, consumers),
    durationMinutes: eventCount(a, duration),
    sales,
    // An event at a shop the roster does not hold: the bot asks which shop it was.
    issues: [
      ...site.shops
        .filter((t) => !t.first.shops.length)
        .map((t) => ({ kind: "unknown_retailer" as const, mention: span(a, t.first) })),
      ...unclearParts(a, site.ranges, bound, true),
    ],
  };
}

export function detectPromotion(a: Analysis): { threads: ShopThread[]; site: PromotionSite | null } {
  const threads = shopThreads(groupShops(a));
  for (const t of threads) t.ranges.sort((x, y) => x.start - y.start);
  return { threads, site: findPromotion(a, threads) };
}

export function assemble(a: Analysis, g: Grounding, threads: ShopThread[], site: PromotionSite | null): RecordDraft[] {
  const d = dating(a);
  const records: RecordDraft[] = [];
  if (site) records.push(buildPromotion(a, g, d, site));
  for (const t of threads) {
    const atEvent = !!site && site.shops.includes(t);
    const { draft, substantive } = buildVisit(a, g, d, t, t.ranges, atEvent);
    if (atEvent) {
      if (!substantive) continue;
      draft.activities.push({ value: "promotion", confidence: CONFIDENCE.atEvent, source: "implied" });
    }
    records.push(draft);
  }
  if (!threads.length && !site) {
    const { draft } = buildVisit(a, g, d, null, [{ start: 0, end: a.norm.length }], false);
    records.push(draft);
  }
  return records;
}
