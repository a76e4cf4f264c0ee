/**
 * Binds amounts, stock-outs and listings to products within one shop's stretch of text.
 * What an amount means comes from the nearest cue before it in its sentence (还有 → stock,
 * 订了 → order, 卖了 → sold, 搭/买…送 → neither); which product it counts comes from the
 * words around it (软中华还有两条半, 两件炫赫门, "3 cases of Coke Zero", "Monster 12 cans").
 */
import type { Cue, CueKind } from "../common/cues.js";
import { sentenceAround } from "../common/normalize.js";
import { firstFrom, firstIndex, inSortedRanges, lastUpTo, type Span, SpanCover, startingIn } from "../common/spans.js";
import type { Amount } from "../extract/amounts.js";
import { unknownProductNear } from "../extract/unknown-names.js";
import type { Analysis, ProductSpan } from "./analysis.js";
import type { Range } from "./segments.js";

type LineKind = "stock" | "order" | "sale";

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
const BACK_GAP =
  /^(?:\s|[、,，的也还都了又全就快早已新呢啊吧嘛呀]|新品|给他|帮他|已经|今天|昨天|这周|最近|那边|这边|店里|现在|目前|totally|completely|all|both|is|are|was|were|now|also|already|just|\d+\s?(?:pk|pack|oz|ct|ml|l)\b)*$/;
const LOOSE_BACK_GAP = /^[^。；;!！?？\d]*$/;
const FWD_GAP = /^[\s:：\-–]*(?:on|of|the|是|有)?\s*(?:the\s+)?$/;

/**
 * What every shop's binding of one message shares, built once per message: the binding runs once
 * per shop, and each of these would otherwise cost a pass over the whole message per fact.
 */
interface Shared {
  /** Names, cues, dates and amounts: never part of an unknown product's name. */
  blocked: SpanCover;
  /** The message's amounts by where they end (amounts may overlap, so this order is not theirs by start). */
  amountsByEnd: Amount[];
  /** Products with an amount of their own right beside them, as decided so far. */
  counted: Map<ProductSpan, boolean>;
  /** Cues by kind, in text order. */
  notOos: Cue[];
  /** Stock-out and listing words that name the product before them. */
  takenBy: Cue[];
  past: Cue[];
}

const shared = new WeakMap<Analysis, Shared>();

function sharedOf(a: Analysis): Shared {
  let s = shared.get(a);
  if (!s) {
    const ofKind = (...kinds: CueKind[]) => a.cues.filter((q) => kinds.includes(q.kind));
    s = {
      blocked: new SpanCover(a.norm.length, [
        ...a.shops,
        ...a.products,
        ...a.dates,
        ...a.amounts,
        ...a.cues.filter((q) => q.kind !== "price" && q.kind !== "mode_stock"),
      ]),
      amountsByEnd: [...a.amounts].sort((x, y) => x.end - y.end),
      counted: new Map(),
      notOos: ofKind("not_oos"),
      takenBy: ofKind("oos_back", "list_back"),
      past: ofKind("past"),
    };
    shared.set(a, s);
  }
  return s;
}

interface Ctx {
  a: Analysis;
  shared: Shared;
  /** The shop's products and cues, in text order; its mode and "each" cues apart. */
  products: ProductSpan[];
  cues: Cue[];
  modes: Cue[];
  skips: Cue[];
  /** 想, "wants": a vague amount right after one is wished for, not counted. */
  wishes: Cue[];
  each: Cue[];
  /** Words that listed a product on the shelf here (上柜, "got them to carry"), in text order. */
  listings: Cue[];
  /** The products those words listed: a count of one of them after its listing is what the shop took. */
  listed: Set<ProductSpan>;
  bound: Set<ProductSpan>;
  /** Amounts that count a word the catalogue does not know (大重九5条). */
  unknown: Map<Amount, Span>;
}

const AMOUNT_THEN_PRODUCT = /^\s*(?:of\s+)?(?:the\s+)?$/;
/** Characters a gap matching AMOUNT_THEN_PRODUCT may hold: a gap with any other has no longer match. */
const NOT_IN_OF_THE_GAP = /[^\softhe]/;

/** "6 btl Gatorade, Powerade OOS": a product with its own amount beside it is not part of the next one's list. */
function counted(c: Ctx, p: ProductSpan): boolean {
  const memo = c.shared.counted.get(p);
  if (memo !== undefined) return memo;
  const { norm, amounts } = c.a;
  let yes = false;
  // An amount before it ("3 cases of Coke"): only the nearest can match, unless amounts overlap, so
  // walk back while the gap could still match.
  const byEnd = c.shared.amountsByEnd;
  for (let i = firstIndex(byEnd, (x) => x.end > p.start) - 1; i >= 0 && !yes; i--) {
    const gap = norm.slice((byEnd[i] as Amount).end, p.start);
    if (NOT_IN_OF_THE_GAP.test(gap)) break;
    yes = AMOUNT_THEN_PRODUCT.test(gap);
  }
  // An amount right after it, at most one space away ("Monster 12").
  for (let i = firstIndex(amounts, (x) => x.start >= p.end); i < amounts.length && !yes; i++) {
    const x = amounts[i] as Amount;
    if (x.start > p.end + 1) break;
    yes = /^\s?$/.test(norm.slice(p.end, x.start));
  }
  c.shared.counted.set(p, yes);
  return yes;
}

/** Products right before `at` (nearest first), continuing while they are listed together. */
function groupBefore(c: Ctx, at: number, firstGap: RegExp, maxGap = BACK_REACH): ProductSpan[] {
  // A shop's products do not overlap, so they end in the order they start.
  const last = firstIndex(c.products, (p) => p.end > at) - 1;
  const first = c.products[last];
  if (!first) return [];
  const gap = c.a.norm.slice(first.end, at);
  if (gap.length > maxGap || !firstGap.test(gap)) return [];
  const group = [first];
  for (let i = last - 1; i >= 0; i--) {
    const p = c.products[i] as ProductSpan;
    const g = c.a.norm.slice(p.end, (group[group.length - 1] as ProductSpan).start);
    if (!LIST_GAP.test(g) || counted(c, p)) break;
    group.push(p);
  }
  return group.reverse();
}

/** Products right after `at`, continuing while they are listed together. */
function groupAfter(c: Ctx, at: number, firstGap: RegExp): ProductSpan[] {
  const from = firstIndex(c.products, (p) => p.start >= at);
  const first = c.products[from];
  if (!first) return [];
  if (!firstGap.test(c.a.norm.slice(at, first.start))) return [];
  const group = [first];
  for (let i = from + 1; i < c.products.length; i++) {
    const p = c.products[i] as ProductSpan;
    const g = c.a.norm.slice((group[group.length - 1] as ProductSpan).end, p.start);
    if (!LIST_GAP.test(g) || counted(c, p)) break;
    group.push(p);
  }
  return group;
}

/**
 * A product already counted (an amount beside it: "3 cs Coke Zero left, OOS Topo Chico"), or followed
 * by an amount before `at`, is not the one a far cue means.
 */
function looselyTaken(c: Ctx, p: ProductSpan, at: number): boolean {
  const startsBefore = (list: readonly Span[]) => (firstFrom(list, p.end)?.start ?? at) < at;
  return counted(c, p) || startsBefore(c.a.amounts) || startsBefore(c.shared.takenBy);
}

/** 不断货, 没断, "not out": a negated stock-out word (a "not" right before it, or a not-out phrase around it). */
function negated(c: Ctx, cue: Cue): boolean {
  const before = c.a.norm.slice(Math.max(0, cue.start - 2), cue.start);
  if (/[不没]$/.test(before) || /\bnot $/.test(c.a.norm.slice(Math.max(0, cue.start - 4), cue.start))) return true;
  // A not-out phrase overlapping the cue or ending at most 2 characters before it (没有断 货).
  const notOos = c.shared.notOos;
  for (let i = firstIndex(notOos, (n) => n.end + 2 > cue.start); i < notOos.length; i++) {
    const n = notOos[i] as Cue;
    if (n.start >= cue.end) break;
    if (n !== cue) return true;
  }
  return false;
}

const MODES: Partial<Record<CueKind, LineKind>> = { mode_stock: "stock", mode_order: "order", mode_sale: "sale" };

/** The last of a list of cues (in text order) that starts in [from, to). */
const lastStartingIn = (list: Cue[], from: number, to: number): Cue | undefined => {
  const q = list[firstIndex(list, (x) => x.start >= to) - 1];
  return q && q.start >= from ? q : undefined;
};

/**
 * "5 cs Sprite 12pk ordered", "Monster 2 cases sold": a verb right after the line, past the gap the
 * language allows (letters and spaces: "each"), says what it is.
 */
function verbAfter(c: Ctx, tail: number, depth = 0): LineKind | null {
  const allowed = c.a.locale.lines.verbAfterLine;
  if (!allowed) return null;
  const said = verbRightAfter(c, tail, allowed);
  if (said || depth >= LIST_LINES) return said;
  // "12 cs Coke 12pk, 8 cs Sprite 12pk ordered": the verb after a list of counted lines says what each is.
  const norm = c.a.norm;
  const next = firstFrom(c.a.amounts, tail);
  if (!next || !/^[\s,]*(?:and\s+|&\s*)?$/.test(norm.slice(tail, next.start))) return null;
  const p = firstFrom(c.products, next.end);
  if (!p || !/^\s*(?:of\s+)?(?:the\s+)?$/.test(norm.slice(next.end, p.start))) return null;
  return verbAfter(c, p.end, depth + 1);
}

/** Whether `verb` stands right after another counted line and a clause break follows it before `amount`. */
function closesLineBefore(c: Ctx, verb: Cue, amount: Amount): boolean {
  const norm = c.a.norm;
  if (!/^[\s)）\]]*[,;，；]/.test(norm.slice(verb.end, amount.start))) return false;
  const prev = lastUpTo(c.a.amounts, verb.start);
  const prevProduct = lastUpTo(c.products, verb.start);
  const endBefore = Math.max(prev?.end ?? -1, prevProduct?.end ?? -1);
  return endBefore >= 0 && /^[\s([（-]*$/.test(norm.slice(endBefore, verb.start));
}

/** How many counted lines a verb after a list reaches back over. */
const LIST_LINES = 4;

function verbRightAfter(c: Ctx, tail: number, allowed: RegExp): LineKind | null {
  let sold = false;
  for (let i = firstIndex(c.cues, (q) => q.start >= tail); i < c.cues.length; i++) {
    const q = c.cues[i] as Cue;
    const gap = c.a.norm.slice(tail, q.start);
    if (/[^\s\p{L}([（-]/u.test(gap)) break;
    if (!allowed.test(gap)) continue;
    if (q.kind === "mode_order") return "order";
    if (q.kind === "mode_sale") sold = true;
    // "2 cs Sprite on the shelf", "3 cs Coke Zero left": after an order verb earlier in the sentence.
    if (q.kind === "mode_stock" && !sold) return "stock";
  }
  return sold ? "sale" : null;
}

/** The kind of the amount at `amount`: the nearest stock/order/sale cue before it in its sentence. */
function modeFor(c: Ctx, amount: Amount, product: ProductSpan | null): LineKind | "skip" {
  const [sStart, sEnd] = sentenceAround(c.a.sentenceEnds, amount.start);
  const tail = Math.max(amount.end, product?.end ?? 0);
  // A verb after a list of lines reaches back over it only when no verb stands before the first
  // ("took 6 cs Coke Zero, 2 cs Sprite on the shelf": the first line was taken).
  const said = lastStartingIn(c.modes, sStart, amount.start);
  // "dasani 10 cs - ordered, fanta 3 cs": a verb closing the line before, up to a comma, is that line's.
  const before = said && closesLineBefore(c, said, amount) ? undefined : said;
  const after = verbAfter(c, tail, before ? LIST_LINES : 0);
  if (after) return after;
  // Skip words of one language do not overlap, so the last one before the amount is the nearest.
  const skip = lastStartingIn(c.skips, sStart, amount.start);
  const mode = before;
  // 买两条送打火机 卖了6条: a count word in a clause after the offer's says what the amount is.
  const modeAfterBreak =
    !!skip &&
    !!mode &&
    mode.start >= skip.end &&
    c.a.locale.lines.clauseBreak.test(c.a.norm.slice(skip.end, mode.start));
  if (skip && skip.end >= amount.start - SKIP_REACH && !modeAfterBreak) return "skip";
  // 想让多分几条, "wants a few more": a vague amount wished for is no count
  const wish = lastStartingIn(c.wishes, sStart, amount.start);
  if (amount.qty === null && wish && wish.end >= amount.start - SKIP_REACH) return "skip";
  // "got them to carry Monster, 2 cs", 新上了天叶 两条: a count after a new listing is what the shop took.
  const listing = lastStartingIn(c.listings, sStart, amount.start);
  if (!mode && listing && product && c.listed.has(product)) return "order";
  if (!mode) return orderedAfter(c, tail, sEnd) ? "order" : "stock";
  const m = MODES[mode.kind] ?? "stock";
  // "made him take 10 extra cases … last month", 上个月被要求进两件: a past practice retold, not this visit's order.
  // (In the amount's clause: 上次拿的两件卖得不错 这次又补了一件 orders today.)
  if (m === "order") {
    const [cStart, cEnd] = clauseOf(c.a, amount, sStart, sEnd);
    if (startingIn(c.shared.past, cStart, cEnd).length) return "skip";
  }
  return m;
}

/** The clause of the sentence [sStart, sEnd) that holds `at`, by the language's clause breaks. */
function clauseOf(a: Analysis, at: Span, sStart: number, sEnd: number): [number, number] {
  const brk = a.locale.lines.clauseBreak;
  let start = at.start;
  while (start > sStart && !brk.test(a.norm.charAt(start - 1))) start--;
  let end = at.end;
  while (end < sEnd && !brk.test(a.norm.charAt(end))) end++;
  return [start, end];
}

/**
 * 三条软中华 两条硬中华 给刘明那边订上了, 白狼 硬中华 各两条 老板订的: with no cue before them, counts
 * take the order verb that closes the clause after them (one not followed by its own product or count).
 */
function orderedAfter(c: Ctx, tail: number, sEnd: number): boolean {
  const closing = c.a.locale.lines.orderClosingClause;
  if (!closing) return false;
  const next = firstFrom(c.modes, tail);
  if (!next || next.start >= sEnd || next.kind !== "mode_order" || next.start - tail > ORDER_CLOSING_REACH)
    return false;
  return closing.test(c.a.norm.slice(next.start, next.start + ORDER_VERB_SPAN));
}

/** Records the unknown product word an amount counts, if one stands beside it. */
function unknownFor(c: Ctx, amount: Amount): boolean {
  const u = unknownProductNear(c.a.norm, c.a.text, amount, c.a.locale.names, c.shared.blocked);
  if (u) c.unknown.set(amount, u);
  return !!u;
}

function productFor(c: Ctx, amount: Amount): ProductSpan | null {
  const grammar = c.a.locale.lines;
  const text = c.a.norm;
  const next = firstFrom(c.products, amount.end);
  const fwdGap = next ? text.slice(amount.end, next.start) : "";
  const fwd = next && grammar.amountThenProduct.test(fwdGap) ? next : null;
  const prev = lastUpTo(c.products, amount.start);
  const backGap = prev ? text.slice(prev.end, amount.start) : "";
  const backAdj =
    prev && !c.bound.has(prev) && /^[\s:：,，]*(?:还有|还剩|剩下?|只剩|有|各|库存|down to|at)?\s*$/.test(backGap)
      ? prev
      : null;
  if (amount.of && fwd) return fwd;
  // 软中华卖得挺好的还有三条硬中华两条: the product right after has a count of its own, so this
  // count is an earlier product's.
  if (grammar.amountGluedToProduct && fwd && fwdGap === "" && !backAdj && ownAmountAfter(c, fwd)) {
    const earlier = unboundBefore(c, amount.start);
    if (earlier && sentenceAround(c.a.sentenceEnds, earlier.start)[1] > amount.start) return earlier;
  }
  // 摊派了两件双喜: an amount glued to the product after it counts that product, when that product has
  // no count or stock-out of its own (大重九5条软中华断货: the amount is 大重九's).
  const gluedAhead =
    grammar.amountGluedToProduct && !!fwd && fwdGap === "" && !ownAmountAfter(c, fwd) && !ownFactAfter(c, fwd);
  // 大重九5条 软中华断货: the amount counts the unknown word before it, not the next product.
  if (grammar.nameBeforeAmount && !backAdj && !gluedAhead && unknownFor(c, amount)) return null;
  // 软中花还有五条硬中华卖光了: a stock verb after the earlier product, or the next product's own
  // amount right after it, says the amount counts the earlier one.
  const backSaid = !!backAdj && /还有|还剩|剩|库存|down to/.test(backGap);
  if (
    grammar.amountGluedToProduct &&
    fwd &&
    fwdGap === "" &&
    !(backAdj && (backSaid || ownAmountAfter(c, fwd) || ownFactAfter(c, fwd)))
  )
    return fwd;
  // "pulled expired Gatorade, 3 cs Powerade in back": after a list comma the amount leads its own product.
  if (grammar.amountLeadsAfterComma && fwd && backAdj && /^\s*,\s*$/.test(backGap) && !ownAmountAfter(c, fwd))
    return fwd;
  if (backAdj) return backAdj;
  if (fwd) return fwd;
  // "2 cases + 6 bottles of Coke Zero": an amount joined to the next one counts what that one counts after it.
  const joined = firstFrom(c.a.amounts, amount.end);
  if (joined && grammar.amountJoin.test(text.slice(amount.end, joined.start))) {
    const p = productFor(c, joined);
    if (p && p.start >= joined.end) return p;
  }
  if (!grammar.nameBeforeAmount && unknownFor(c, amount)) return null;
  // The nearest product before it that no fact took yet (in its sentence or not), else the nearest.
  return unboundBefore(c, amount.start) ?? prev ?? lastUpTo(c.a.products, amount.start) ?? null;
}

/** The nearest product before `at` that no fact took yet. */
function unboundBefore(c: Ctx, at: number): ProductSpan | undefined {
  for (let i = firstIndex(c.products, (p) => p.end > at) - 1; i >= 0; i--) {
    const p = c.products[i] as ProductSpan;
    if (!c.bound.has(p)) return p;
  }
  return undefined;
}

/** 硬中华4条双中支断货: is `p` directly followed by a stock-out or listing word of its own? */
function ownFactAfter(c: Ctx, p: ProductSpan): boolean {
  const next = firstFrom(c.shared.takenBy, p.end);
  return !!next && BACK_GAP.test(c.a.norm.slice(p.end, next.start));
}

/** Is `p` directly followed by an amount of its own (软中华2条, 硬中还有3条)? */
function ownAmountAfter(c: Ctx, p: ProductSpan): boolean {
  const next = firstFrom(c.a.amounts, p.end);
  return !!next && /^[\s:：,，]*(?:还有|还剩|剩下?|只剩|有)?\s*$/.test(c.a.norm.slice(p.end, next.start));
}

/** 各两条, "1 case each": an "each" word right before or after the amount. */
function eachAround(c: Ctx, amount: Amount): { before: boolean; after: Cue | undefined } {
  // "Each" words do not overlap, so they end in the order they start.
  const before = c.each[firstIndex(c.each, (q) => q.end >= amount.start - EACH_BEFORE)];
  const after = firstFrom(c.each, amount.end);
  return {
    before: !!before && before.end <= amount.start,
    after: after && after.start <= amount.end + EACH_AFTER ? after : undefined,
  };
}

/** Binds the facts of one shop's ranges (sorted by start, not overlapping). */
export function bindLines(a: Analysis, ranges: Range[]): BoundFacts {
  const inRanges = <T extends Span>(list: T[]) => list.filter((x) => inSortedRanges(ranges, x.start));
  const cues = inRanges(a.cues);
  const c: Ctx = {
    a,
    shared: sharedOf(a),
    products: inRanges(a.products),
    cues,
    modes: cues.filter((q) => MODES[q.kind]),
    skips: cues.filter((q) => q.kind === "mode_skip"),
    wishes: cues.filter((q) => q.kind === "wish"),
    each: cues.filter((q) => q.kind === "each"),
    listings: [],
    listed: new Set(),
    bound: new Set(),
    unknown: new Map(),
  };
  const facts: BoundFacts = { lines: [], outOfStock: [], listed: [], loose: [], bound: c.bound };

  for (const cue of cues) {
    if (cue.kind === "oos_back" && !negated(c, cue)) {
      let group = groupBefore(c, cue.start, BACK_GAP);
      // 硬中华最近卖得特别快 已经没货了: the product named earlier in the clause, if nothing else claimed it.
      if (!group.length)
        group = groupBefore(c, cue.start, LOOSE_BACK_GAP, LOOSE_BACK_REACH)
          .slice(-1)
          .filter((p) => !looselyTaken(c, p, cue.start));
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
      // "low on Topo and dasani": every product listed after the word
      for (const p of groupAfter(c, cue.end, FWD_GAP))
        facts.lines.push({ kind: "stock", product: p, amount: cue, qty: null, unit: null });
    }
  }
  for (const f of [...facts.outOfStock, ...facts.listed]) c.bound.add(f.product);
  c.listings = [...new Set(facts.listed.map((f) => f.cue as Cue))].sort((x, y) => x.start - y.start);
  c.listed = new Set(facts.listed.map((f) => f.product));
  for (const l of facts.lines) c.bound.add(l.product);

  for (const amount of inRanges(a.amounts)) {
    if (amount.zero) {
      // "0 Gatorade", "zero of the Monster": the product right after it (a farther one has this one in
      // between); 硬中华0 利群5条: the product the zero is glued to, written first.
      const prev = lastUpTo(c.products, amount.start);
      const glued =
        prev && !c.bound.has(prev) && /^[:：]?$/.test(a.norm.slice(prev.end, amount.start)) ? prev : undefined;
      const next = firstFrom(c.products, amount.end);
      const p = glued ?? (next && /^\s*(?:of\s+)?$/.test(a.norm.slice(amount.end, next.start)) ? next : undefined);
      const target = p ?? productFor(c, amount);
      if (target) {
        facts.outOfStock.push({ product: target, cue: amount });
        c.bound.add(target);
      }
      continue;
    }
    const each = eachAround(c, amount);
    let targets: ProductSpan[];
    if (each.before || each.after) {
      // "…carry Topo Chico and smartwater, they ordered 1 case each": the products listed last.
      // "2 cs each of MM OJ and Fanta": the products named after "each of".
      const ofAfter = each.after;
      const ahead =
        ofAfter && /^\s*of\b/.test(a.norm.slice(ofAfter.end))
          ? groupAfter(c, ofAfter.end, /^\s*of\s+(?:the\s+)?$/)
          : [];
      const run = ahead.length ? ahead : groupBefore(c, amount.start, /^[^。；;!！?？.]*$/, EACH_BACK_REACH);
      targets = run.length ? run : [productFor(c, amount)].filter((p): p is ProductSpan => !!p);
    } else {
      const p = productFor(c, amount);
      targets = p ? [p] : [];
    }
    const [target] = targets;
    const mode = modeFor(c, amount, target ?? null);
    if (!target || (amount.unit === null && amount.qty !== null)) {
      facts.loose.push({ amount, product: target ?? null, unknown: c.unknown.get(amount) });
      for (const t of targets) c.bound.add(t);
      // 红塔山还剩12: the line is kept with its unit unknown, and the bot asks for it.
      if (target && mode !== "skip")
        facts.lines.push({ kind: mode, product: target, amount, qty: amount.qty, unit: null });
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
