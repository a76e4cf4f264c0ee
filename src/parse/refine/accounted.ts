/**
 * Is every part of the report accounted for? A number no fact explains, or a count whose meaning
 * came from no word (a verb the tables do not know between the product and its count: 软中华走了8条,
 * "Coke Zero went 4 cs"), makes the record unsure: the bot asks about that part instead of guessing.
 */
import type { TextReading } from "../../domain/records.js";
import { sentenceAround } from "../common/normalize.js";
import { inSortedRanges, type Span, SpanCover } from "../common/spans.js";
import type { ParseIssue, TextSpan } from "../types.js";
import type { Analysis } from "./analysis.js";
import type { BoundFacts, BoundLine } from "./lines.js";
import type { Range } from "./segments.js";

/** Cues that say what an amount is: a count, an order, a sale. */
const MEANING_CUES = new Set(["mode_stock", "mode_order", "mode_sale", "mode_skip", "each"]);
/** How far after a count its meaning word may stand ("3 cs Coke Zero left", "两条 订的"). */
const MEANING_AFTER = 8;
/** How far before a number the words that explain it may stand (不对是15条, "actually 5"). */
const NUMBER_BEFORE = 16;
/** … and after it (a phone number: 512-555-0199). */
const NUMBER_AFTER = 10;
/** How far past an unexplained number a question's quote reaches (its unit: 17块, "40 bucks"). */
const QUOTE_AFTER = 3;

const span = (a: Analysis, s: Span): TextSpan => ({ start: s.start, end: s.end, text: a.text.slice(s.start, s.end) });

/** The parts of one record's stretch of text no fact explains, as questions. */
export function unclearParts(a: Analysis, ranges: Range[], bound: BoundFacts, inPromotion: boolean): ParseIssue[] {
  // "took 2 cases + 6 bottles of Coke Zero": an amount no product could be found for explains nothing.
  const orphans = inPromotion ? [] : bound.loose.filter((l) => !l.product && !l.unknown).map((l) => l.amount);
  return [...unexplainedCounts(a, bound, inPromotion), ...unexplainedNumbers(a, ranges, orphans)];
}

/**
 * A stock count read by default (no stock, order or sale word near it) whose product and count have
 * a word between them that is not filler: that word decides what the count is, and it is not known.
 */
function unexplainedCounts(a: Analysis, bound: BoundFacts, inPromotion: boolean): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const filler = a.locale.lines.countFiller;
  // What names, cues, dates and amounts took: built once, not for every count (a long message has hundreds).
  let taken: SpanCover | null = null;
  const known = () =>
    (taken ??= new SpanCover(a.norm.length, [...a.shops, ...a.products, ...a.cues, ...a.dates, ...a.amounts]));
  for (const line of bound.lines) {
    if (line.qty === null) continue;
    if (line.kind === "sale" && !inPromotion && unsureSale(a, line)) {
      issues.push(countIssue(a, line, countSpan(line), ["sale", "stock"]));
      continue;
    }
    if (line.kind !== "stock") continue;
    const [sStart, sEnd] = sentenceAround(a.sentenceEnds, line.amount.start);
    const said = a.cues.some(
      (c) =>
        MEANING_CUES.has(c.kind) &&
        c.start >= sStart &&
        c.start < Math.min(sEnd, Math.max(line.amount.end, line.product.end) + MEANING_AFTER),
    );
    if (said) continue;
    const productFirst = line.product.end <= line.amount.start;
    // 软中华走了8条: the word between the product and its count; 到货8条红塔山: the word before the count.
    const gap = productFirst
      ? { start: line.product.end, end: line.amount.start }
      : wordBefore(a, known(), line.amount.start);
    // 软中1件2条, "coke zero 2 cs + 6 btl": another amount of the same product in between says nothing new.
    const words = withoutAmounts(a, gap).replace(a.locale.lines.amountJoin, "");
    if (filler.test(words) || words.trim().length > a.locale.lines.countVerbReach || /[。；;!！?？\n]/.test(words))
      continue;
    const mention = productFirst ? countSpan(line) : { start: gap.start, end: line.product.end };
    issues.push(countIssue(a, line, mention, inPromotion ? ["sale", "stock"] : ["stock", "order"]));
  }
  return issues;
}

/** The text of `gap` with the amounts in it left out. */
function withoutAmounts(a: Analysis, gap: Span): string {
  let text = "";
  let at = gap.start;
  for (const x of a.amounts) {
    if (x.end <= gap.start || x.start >= gap.end) continue;
    text += a.norm.slice(at, Math.max(at, x.start));
    at = Math.max(at, x.end);
  }
  return text + a.norm.slice(at, gap.end);
}

/**
 * The words right before `at` that no name, cue, date or amount took, back to a clause break or
 * anything but a letter: what
 * says what a count written before its product is. Longer than a verb, it is not one.
 */
function wordBefore(a: Analysis, known: SpanCover, at: number): Span {
  let start = at;
  while (
    start > 0 &&
    at - start < a.locale.lines.clauseReach &&
    !a.locale.lines.clauseBreak.test(a.norm.charAt(start - 1)) &&
    /[\p{L}\s]/u.test(a.norm.charAt(start - 1)) &&
    !known.overlaps({ start: start - 1, end: start })
  )
    start--;
  return { start, end: at };
}

/** The words from a product to its count (or back), as the part a question quotes. */
const countSpan = (line: BoundLine): Span =>
  line.product.end <= line.amount.start
    ? { start: line.product.start, end: line.amount.end }
    : { start: line.amount.start, end: line.product.end };

function countIssue(a: Analysis, line: BoundLine, mention: Span, readings: TextReading[]): ParseIssue {
  return {
    kind: "unclear_text",
    mention: span(a, trimmed(a, mention)),
    readings,
    amount: span(a, line.amount),
    counted: span(a, line.product),
  };
}

/** 软中华走了8条 in a visit: sold this week, or what went onto the shelf? */
function unsureSale(a: Analysis, line: BoundLine): boolean {
  const words = a.locale.lines.unsureSale;
  if (!words) return false;
  const { start, end } = countSpan(line);
  return words.test(a.norm.slice(start, end));
}

/**
 * A number in the text that no shop, product, amount, date, head count, duration or price took, or
 * that stands in an amount no product was found for (`orphans`).
 */
function unexplainedNumbers(a: Analysis, ranges: Range[], orphans: Span[]): ParseIssue[] {
  const cover = new SpanCover(a.norm.length, [
    ...a.shops,
    ...a.products,
    ...a.amounts.filter((x) => !orphans.includes(x)),
    ...a.dates,
    ...a.consumers,
    ...a.durations,
    ...a.priceOverTag,
    ...a.cues,
  ]);
  const issues: ParseIssue[] = [];
  for (const m of a.norm.matchAll(/\d+(?:\.\d+)?/g)) {
    const at = { start: m.index, end: m.index + m[0].length };
    if (!inSortedRanges(ranges, at.start) || cover.overlaps(at) || isFiller(a, at)) continue;
    const [sStart, sEnd] = sentenceAround(a.sentenceEnds, at.start);
    issues.push({
      kind: "unclear_text",
      mention: span(a, trimmed(a, clauseAround(a, at, sStart, sEnd))),
      readings: [],
    });
  }
  return issues;
}

/** Whether the words around a number, taken with it, need no fact (a time, a percentage, a restated count). */
function isFiller(a: Analysis, at: Span): boolean {
  // 1. 2. 3.: a numbered list, one item a line or run on after a colon or semicolon (…柜台；2. 新华都)
  const lineStart = a.norm.lastIndexOf("\n", at.start - 1) + 1;
  const itemStart = /^\s*$/.test(a.norm.slice(lineStart, at.start)) || /[:：;；。]\s*$/.test(a.norm.slice(0, at.start));
  if (itemStart && /^(?:[.、)）](?!\d))/.test(a.norm.slice(at.end))) return true;
  const from = Math.max(0, at.start - NUMBER_BEFORE);
  const window = a.norm.slice(from, at.end + NUMBER_AFTER);
  const filler = new RegExp(a.locale.lines.numberFiller.source, "gi");
  for (const m of window.matchAll(filler)) {
    const start = from + m.index;
    if (start < at.end && start + m[0].length > at.start) return true;
  }
  return false;
}

/** The clause holding a number ("老板给了17", "owner said 40"), as far back as the language's quotes reach. */
function clauseAround(a: Analysis, at: Span, sStart: number, sEnd: number): Span {
  const { clauseBreak, clauseReach } = a.locale.lines;
  let start = at.start;
  while (start > Math.max(sStart, at.start - clauseReach) && !clauseBreak.test(a.norm.charAt(start - 1))) start--;
  let end = at.end;
  while (end < Math.min(sEnd, at.end + QUOTE_AFTER) && !clauseBreak.test(a.norm.charAt(end))) end++;
  return { start, end };
}

/** A quote without the punctuation and spaces at its ends. */
function trimmed(a: Analysis, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,，。;；:：、!！?？]/.test(a.norm.charAt(start))) start++;
  while (end > start && /[\s,，。;；:：、!！?？]/.test(a.norm.charAt(end - 1))) end--;
  return { start, end };
}
