/**
 * Words that stand where a product name should be but name nothing in the catalogue:
 * 大重九5条, "3 cases of Dr Pepper", "Red Bull 2 cs". The amount is theirs, so it must not
 * drift to a product named elsewhere; the bot asks what they are instead.
 */
import { isHan } from "../common/normalize.js";
import type { Span, SpanCover } from "../common/spans.js";
import { type HanNames, hanNames, type LatinNames } from "../locale.js";

/** Han characters looked at before an amount, and the length a product's name may have (大重九, 钻石荷花). */
const HAN_LOOK_BACK = 8;
const HAN_NAME = { min: 2, max: 6 };
/** Latin words a product's name may have ("Dr Pepper", "Red Bull Sugarfree"), and how far back they are looked for. */
const LATIN_NAME_WORDS = 3;
const LATIN_LOOK_BACK = 40;

/** A Han product-like word right before `at` (大重九 in 大重九5条), or null. */
function hanBefore(norm: string, at: number, words: HanNames, blocked: SpanCover): Span | null {
  let start = at;
  while (
    start > 0 &&
    at - start < HAN_LOOK_BACK &&
    isHan(norm[start - 1]) &&
    !blocked.overlaps({ start: start - 1, end: start })
  )
    start--;
  let word = norm.slice(start, at);
  const tail = words.productTail.exec(word);
  const end = at - (tail ? tail[0].length : 0);
  word = norm.slice(start, end);
  const lead = words.productLead.exec(word);
  if (lead) start += lead[0].length;
  word = norm.slice(start, end);
  if (word.length < HAN_NAME.min || word.length > HAN_NAME.max || words.notProductName.test(word)) return null;
  return { start, end };
}

/** Latin words of an unknown product next to an amount: capitalised, or after "of". */
function latinAround(
  norm: string,
  original: string,
  amount: Span & { of: boolean },
  words: LatinNames,
  blocked: SpanCover,
): Span | null {
  const isNameWord = (w: string) =>
    /^[a-z][a-z'.-]*$/.test(w) && !words.productStop.has(w) && !words.short.has(w) && !words.common.has(w);
  // After: "3 cases of Dr Pepper", "2 cs Red Bull".
  const after = /^\s*(?:of\s+)?(?:the\s+)?((?:[a-z][a-z'.-]*)(?:\s+[a-z][a-z'.-]*){0,2})/.exec(norm.slice(amount.end));
  const named = after?.[1];
  if (after && named) {
    const start = amount.end + after[0].length - named.length;
    const list = named.split(/\s+/);
    let n = 0;
    while (n < list.length && isNameWord(list[n] ?? "")) n++;
    const end = start + list.slice(0, n).join(" ").length;
    const capital = /[A-Z]/.test(original[start] ?? "");
    if (n && (amount.of || capital) && !blocked.overlaps({ start, end })) return { start, end };
  }
  // Before: "Dr Pepper 3 cases" (capitalised, as brand names are written).
  const base = Math.max(0, amount.start - LATIN_LOOK_BACK);
  const slice = norm.slice(base, amount.start).replace(/[\s:-]*$/, "");
  const tokens = [...slice.matchAll(/[a-z][a-z'.-]*/g)];
  const run: RegExpMatchArray[] = [];
  for (let i = tokens.length - 1; i >= 0 && run.length < LATIN_NAME_WORDS; i--) {
    const t = tokens[i];
    if (!t) break;
    const next = run[0];
    const tEnd = (t.index ?? 0) + t[0].length;
    const gapOk = next ? /^\s+$/.test(slice.slice(tEnd, next.index)) : tEnd === slice.length;
    if (!gapOk || !isNameWord(t[0])) break;
    run.unshift(t);
  }
  const [first] = run;
  const last = run[run.length - 1];
  if (first && last) {
    const start = base + (first.index ?? 0);
    const end = base + (last.index ?? 0) + last[0].length;
    if (/[A-Z]/.test(original[start] ?? "") && !blocked.overlaps({ start, end })) return { start, end };
  }
  return null;
}

/**
 * The product-like word an amount counts when no catalogue product stands beside it, read as the
 * message's language writes names; a Han word right before the amount is read as Han (大重九5条 in
 * an English message).
 */
export function unknownProductNear(
  norm: string,
  original: string,
  amount: Span & { of: boolean },
  names: HanNames | LatinNames,
  blocked: SpanCover,
): Span | null {
  const words = isHan(norm[amount.start - 1]) ? (hanNames() ?? names) : names;
  if (words.script === "han") return hanBefore(norm, amount.start, words, blocked);
  return latinAround(norm, original, amount, words, blocked);
}
