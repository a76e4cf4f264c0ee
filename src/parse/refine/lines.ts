/**
 * Binds amounts, stock-outs and listings to products within one shop's stretch of text.
 * What an amount means comes from the nearest cue before it in its sentence (还有 → stock,
 * 订了 → order, 卖了 → sold, 搭/买…送 → neither); which product it counts comes from the
 * words around it (软中华还有两条半, 两件炫赫门, "3 cases of Coke Zero", "Monster 12 cans").
 */
import type { Cue, CueKind } from "../common/cues.js";
import { sentenceAround } from "../common/normalize.js";
import type { Amount } from "../extract/amounts.js";
import type { Analysis, ProductSpan } from "./analysis.js";
import { inRanges, type Range } from "./segments.js";
import { unknownProductNear } from "../extract/unknown-names.js";
import type { Span } from "../extract/price-over-tag.js";

export type LineKind = "stock" | "order" | "sale";

export interface BoundLine {
  kind: LineKind;
  product: ProductSpan;
  amount: Amount | Cue;
  qty: number | null;
  unit: Amount["unit"];
}

export interface BoundFacts {
  lines: BoundLine[];
  outOfStock: { product: ProductSpan; cue: { start: number; end: number } }[];
  listed: { product: ProductSpan; cue: { start: number; end: number } }[];
  /** Amounts whose unit is missing, or whose product could not be found (`unknown`: the word that names it). */
  loose: { amount: Amount; product: ProductSpan | null; unknown?: Span }[];
  /** Products some fact used: the rest of the products in a promotion are what it promoted. */
  bound: Set<ProductSpan>;
}

/** How far (in characters) a product may stand before the stock-out or count word that names it. */
const BACK_REACH = 12;
/** … when it is only the product named earlier in the clause (硬中华最近卖得特别快 已经没货了). */
const LOOSE_BACK_REACH = 15;
/** … when a count is shared out ("…carry Topo Chico and smartwater, they ordered 1 case each"). */
const EACH_BACK_REACH = 45;
/** A skip word (搭, 买…送, "buy") this close before an amount makes it an offer's mechanics, not a count. */
const SKIP_REACH = 6;
/** An order verb closing the clause counts the amounts up to this many characters before it. */
const ORDER_CLOSING_REACH = 25;
/** The order verb and its particles looked at (订上了, 订好的). */
const ORDER_VERB_SPAN = 4;
/** 各/"each" shares an amount out when it stands this close before (各两条) or after ("1 case each"). */
const EACH_BEFORE = 4;
const EACH_AFTER = 2;

const LIST_GAP = /^(?:[\s、,，+&/]|和|跟|及|与|以及|还有|and\b|or\b)*$/;
const BACK_GAP = /^(?:\s|[、,，的也还都了又全就快早已]|已经|今天|昨天|这周|最近|那边|这边|店里|现在|目前|totally|completely|all|both|is|are|was|were|now|also|already|just)*$/;
const LOOSE_BACK_GAP = /^[^。；;!！?？\d]*$/;
const FWD_GAP = /^[\s:：]*(?:on|of|the|是|有)?\s*(?:the\s+)?$/;

interface Ctx {
  a: Analysis;
  ranges: Range[];
  products: ProductSpan[];
  bound: Set<ProductSpan>;
  /** Amounts that count a word the catalogue does not know (大重九5条). */
  unknown: Map<Amount, Span>;
  /** Names, cues, dates and amounts: never part of an unknown product's name. */
  blocked: Span[];
}

/** "6 btl Gatorade, Powerade OOS": a product with its own amount beside it is not part of the next one's list. */
function counted(c: Ctx, p: ProductSpan): boolean {
  return c.a.amounts.some(
    (x) => (x.end <= p.start && /^\s*(?:of\s+)?(?:the\s+)?$/.test(c.a.norm.slice(x.end, p.start))) || (x.start >= p.end && /^\s?$/.test(c.a.norm.slice(p.end, x.start))),
  );
}

/** Products right before `at` (nearest first), continuing while they are listed together. */
function groupBefore(c: Ctx, at: number, firstGap: RegExp, maxGap = BACK_REACH): ProductSpan[] {
  const before = c.products.filter((p) => p.end <= at).reverse();
  if (!before.length) return [];
  const first = before[0];
  const gap = c.a.norm.slice(first.end, at);
  if (gap.length > maxGap || !firstGap.test(gap)) return [];
  const group = [first];
  for (const p of before.slice(1)) {
    const g = c.a.norm.slice(p.end, group[group.length - 1].start);
    if (!LIST_GAP.test(g) || counted(c, p)) break;
    group.push(p);
  }
  return group.reverse();
}

/** Products right after `at`, continuing while they are listed together. */
function groupAfter(c: Ctx, at: number, firstGap: RegExp): ProductSpan[] {
  const after = c.products.filter((p) => p.start >= at);
  if (!after.length) return [];
  const first = after[0];
  if (!firstGap.test(c.a.norm.slice(at, first.start))) return [];
  const group = [first];
  for (const p of after.slice(1)) {
    const g = c.a.norm.slice(group[group.length - 1].end, p.start);
    if (!LIST_GAP.test(g) || counted(c, p)) break;
    group.push(p);
  }
  return group;
}

/** A product already counted, or followed by an amount before `at`, is not the one a far cue means. */
function looselyTaken(c: Ctx, p: ProductSpan, at: number): boolean {
  return c.a.amounts.some((x) => x.start >= p.end && x.start < at) || c.a.cues.some((q) => (q.kind === "oos_back" || q.kind === "list_back") && q.start >= p.end && q.start < at);
}

function negated(c: Ctx, cue: Cue): boolean {
  const before = c.a.norm.slice(Math.max(0, cue.start - 2), cue.start);
  if (/[不没]$/.test(before) || /\bnot $/.test(c.a.norm.slice(Math.max(0, cue.start - 4), cue.start))) return true;
  return c.a.cues.some((n) => n.kind === "not_oos" && n.start < cue.end && cue.start < n.end + 2 && n !== cue);
}

const MODES: Partial<Record<CueKind, LineKind>> = { mode_stock: "stock", mode_order: "order", mode_sale: "sale" };

/** The kind of the amount at `amount`: the nearest stock/order/sale cue before it in its sentence. */
function modeFor(c: Ctx, amount: Amount, cues: Cue[], product: ProductSpan | null): LineKind | "skip" {
  const [sStart] = sentenceAround(c.a.sentenceEnds, amount.start);
  // "5 cs Sprite 12pk ordered", "Monster 2 cases sold": a verb right after the line says what it is.
  const tail = Math.max(amount.end, product?.end ?? 0);
  const verbGap = c.a.locale.lines.verbAfterLine;
  const after = (kind: CueKind) => !!verbGap && cues.some((q) => q.kind === kind && q.start >= tail && verbGap.test(c.a.norm.slice(tail, q.start)));
  if (after("mode_order")) return "order";
  if (after("mode_sale")) return "sale";
  const before = cues.filter((q) => q.start >= sStart && q.start < amount.start);
  if (before.some((q) => q.kind === "mode_skip" && q.end >= amount.start - SKIP_REACH)) return "skip";
  const [, sEnd] = sentenceAround(c.a.sentenceEnds, amount.start);
  if (!before.some((q) => MODES[q.kind]) && orderedAfter(c, tail, sEnd, cues)) return "order";
  for (const q of [...before].reverse()) {
    const m = MODES[q.kind];
    if (!m) continue;
    // "made him take 10 extra cases … last month", 上个月被要求进两件: a past practice retold, not this visit's order.
    if (m === "order" && c.a.cues.some((p) => p.kind === "past" && p.start >= sStart && p.start < sEnd)) return "skip";
    return m;
  }
  return "stock";
}

/**
 * 三条软中华 两条硬中华 给刘明那边订上了, 白狼 硬中华 各两条 老板订的: with no cue before them, counts
 * take the order verb that closes the clause after them (one not followed by its own product or count).
 */
function orderedAfter(c: Ctx, tail: number, sEnd: number, cues: Cue[]): boolean {
  const closing = c.a.locale.lines.orderClosingClause;
  if (!closing) return false;
  const next = cues.find((q) => q.start >= tail && q.start < sEnd && MODES[q.kind]);
  if (!next || next.kind !== "mode_order" || next.start - tail > ORDER_CLOSING_REACH) return false;
  return closing.test(c.a.norm.slice(next.start, next.start + ORDER_VERB_SPAN));
}

/** Records the unknown product word an amount counts, if one stands beside it. */
function unknownFor(c: Ctx, amount: Amount): boolean {
  const u = unknownProductNear(c.a.norm, c.a.text, amount, c.a.locale.names, c.blocked);
  if (u) c.unknown.set(amount, u);
  return !!u;
}

function productFor(c: Ctx, amount: Amount): ProductSpan | null {
  const grammar = c.a.locale.lines;
  const text = c.a.norm;
  const next = c.products.find((p) => p.start >= amount.end);
  const fwdGap = next ? text.slice(amount.end, next.start) : "";
  const fwd = next && grammar.amountThenProduct.test(fwdGap) ? next : null;
  const prev = [...c.products].reverse().find((p) => p.end <= amount.start);
  const backGap = prev ? text.slice(prev.end, amount.start) : "";
  const backAdj =
    prev && !c.bound.has(prev) && /^[\s:：,，]*(?:还有|还剩|剩下?|只剩|有|各|库存|down to|at)?\s*$/.test(backGap) ? prev : null;
  if (amount.of && fwd) return fwd;
  // 大重九5条 软中华断货: the amount counts the unknown word before it, not the next product.
  if (grammar.nameBeforeAmount && !backAdj && unknownFor(c, amount)) return null;
  // 软中花还有五条硬中华卖光了: a stock verb after the earlier product, or the next product's own
  // amount right after it, says the amount counts the earlier one.
  const backSaid = !!backAdj && /还有|还剩|剩|库存|down to/.test(backGap);
  if (grammar.amountGluedToProduct && fwd && fwdGap === "" && !(backAdj && (backSaid || ownAmountAfter(c, fwd)))) return fwd;
  // "pulled expired Gatorade, 3 cs Powerade in back": after a list comma the amount leads its own product.
  if (grammar.amountLeadsAfterComma && fwd && backAdj && /^\s*,\s*$/.test(backGap) && !ownAmountAfter(c, fwd)) return fwd;
  if (backAdj) return backAdj;
  if (fwd) return fwd;
  if (!grammar.nameBeforeAmount && unknownFor(c, amount)) return null;
  const [sStart] = sentenceAround(c.a.sentenceEnds, amount.start);
  const earlier = c.products.filter((p) => p.end <= amount.start).reverse();
  return (
    earlier.find((p) => !c.bound.has(p) && p.start >= sStart) ??
    earlier.find((p) => !c.bound.has(p)) ??
    earlier[0] ??
    [...c.a.products].reverse().find((p) => p.end <= amount.start) ??
    null
  );
}

/** Is `p` directly followed by an amount of its own (软中华2条, 硬中还有3条)? */
function ownAmountAfter(c: Ctx, p: ProductSpan): boolean {
  const next = c.a.amounts.find((x) => x.start >= p.end);
  return !!next && /^[\s:：,，]*(?:还有|还剩|剩下?|只剩|有)?\s*$/.test(c.a.norm.slice(p.end, next.start));
}

function distributes(c: Ctx, amount: Amount, cues: Cue[]): boolean {
  return cues.some(
    (q) => q.kind === "each" && ((q.end <= amount.start && q.end >= amount.start - EACH_BEFORE) || (q.start >= amount.end && q.start <= amount.end + EACH_AFTER)),
  );
}

/** Binds the facts of one shop's ranges. */
export function bindLines(a: Analysis, ranges: Range[]): BoundFacts {
  const products = a.products.filter((p) => inRanges(ranges, p.start));
  const cues = a.cues.filter((q) => inRanges(ranges, q.start));
  const amounts = a.amounts.filter((x) => inRanges(ranges, x.start));
  const blocked: Span[] = [...a.shops, ...a.products, ...a.dates, ...a.amounts, ...a.cues.filter((q) => q.kind !== "price" && q.kind !== "mode_stock")];
  const c: Ctx = { a, ranges, products, bound: new Set(), unknown: new Map(), blocked };
  const facts: BoundFacts = { lines: [], outOfStock: [], listed: [], loose: [], bound: c.bound };

  for (const cue of cues) {
    if (cue.kind === "oos_back" && !negated(c, cue)) {
      let group = groupBefore(c, cue.start, BACK_GAP);
      // 硬中华最近卖得特别快 已经没货了: the product named earlier in the clause, if nothing else claimed it.
      if (!group.length) group = groupBefore(c, cue.start, LOOSE_BACK_GAP, LOOSE_BACK_REACH).slice(-1).filter((p) => !looselyTaken(c, p, cue.start));
      for (const p of group) facts.outOfStock.push({ product: p, cue });
    } else if (cue.kind === "oos_fwd" && !negated(c, cue)) {
      for (const p of groupAfter(c, cue.end, FWD_GAP)) facts.outOfStock.push({ product: p, cue });
    } else if (cue.kind === "list_back") {
      // 纯境上柜了 / 上柜了真龙起源: Chinese puts the product on either side.
      const group = groupBefore(c, cue.start, BACK_GAP);
      for (const p of group.length ? group : groupAfter(c, cue.end, FWD_GAP)) facts.listed.push({ product: p, cue });
    } else if (cue.kind === "list_fwd") {
      for (const p of groupAfter(c, cue.end, FWD_GAP)) facts.listed.push({ product: p, cue });
    } else if (cue.kind === "vague_back") {
      const p = groupBefore(c, cue.start, BACK_GAP).pop();
      if (p) facts.lines.push({ kind: "stock", product: p, amount: cue, qty: null, unit: null });
    } else if (cue.kind === "vague_fwd") {
      const p = groupAfter(c, cue.end, FWD_GAP)[0];
      if (p) facts.lines.push({ kind: "stock", product: p, amount: cue, qty: null, unit: null });
    }
  }
  for (const f of [...facts.outOfStock, ...facts.listed]) c.bound.add(f.product);
  for (const l of facts.lines) c.bound.add(l.product);

  for (const amount of amounts) {
    if (amount.zero) {
      const p = c.products.find((x) => x.start >= amount.end && /^\s*(?:of\s+)?$/.test(a.norm.slice(amount.end, x.start)));
      const target = p ?? productFor(c, amount);
      if (target) {
        facts.outOfStock.push({ product: target, cue: amount });
        c.bound.add(target);
      }
      continue;
    }
    const each = distributes(c, amount, cues);
    let targets: ProductSpan[];
    if (each) {
      // "…carry Topo Chico and smartwater, they ordered 1 case each": the products listed last.
      const ofAfter = cues.find((q) => q.kind === "each" && q.start >= amount.end && q.start <= amount.end + EACH_AFTER);
      // "2 cs each of MM OJ and Fanta": the products named after "each of".
      const ahead = ofAfter && /^\s*of\b/.test(a.norm.slice(ofAfter.end)) ? groupAfter(c, ofAfter.end, /^\s*of\s+(?:the\s+)?$/) : [];
      const run = ahead.length ? ahead : groupBefore(c, amount.start, /^[^。；;!！?？.]*$/, EACH_BACK_REACH);
      targets = run.length ? run : [productFor(c, amount)].filter((p): p is ProductSpan => !!p);
    } else {
      const p = productFor(c, amount);
      targets = p ? [p] : [];
    }
    const mode = modeFor(c, amount, cues, targets[0] ?? null);
    if (!targets.length || amount.unit === null && amount.qty !== null) {
      facts.loose.push({ amount, product: targets[0] ?? null, unknown: c.unknown.get(amount) });
      for (const t of targets) c.bound.add(t);
      // 红塔山还剩12: the line is kept with its unit unknown, and the bot asks for it.
      if (targets.length && mode !== "skip") facts.lines.push({ kind: mode, product: targets[0], amount, qty: amount.qty, unit: null });
      continue;
    }
    for (const t of targets) {
      // 买一条送烟灰缸: the amount is the offer's mechanics, and the product stays free to be counted.
      if (mode === "skip") continue;
      c.bound.add(t);
      facts.lines.push({ kind: mode, product: t, amount, qty: amount.qty, unit: amount.unit });
    }
  }
  facts.lines.sort((x, y) => x.amount.start - y.amount.start);
  return facts;
}
