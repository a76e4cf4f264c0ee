/**
 * Text that clearly names a shop the roster does not hold: a name plus a shop-type word
 * (阿强便利店, 去了阿强店, "Bob's Liquor", "stopped by Bob's"). Such a report is about that
 * shop, so its facts must not drift to another one; the bot asks which shop it is.
 * Only clear names count: 一家烟酒店, 店里, "the store", "wrong store" are not names.
 * How a name is written depends on the script (the locale's `names`): Han names run on without
 * spaces and end in a type word; Latin names are capitalised words.
 */
import { isHan } from "../common/normalize.js";
import type { Span, SpanCover } from "../common/spans.js";
import type { HanNames, LatinNames } from "../locale.js";

/** Han characters a shop's own name takes before its type word, at most (阿强 of 阿强便利店, 老王家 of 老王家店). */
const HAN_NAME_MAX = 4;
/** Capitalised words a Latin shop name takes, at most ("Bob's", "Tienda La Esperanza"). */
const LATIN_NAME_MAX = 3;
/** How far back (in characters) a visit word before a possessive name is looked for ("stopped by Bob's"). */
const VISIT_WORD_REACH = 12;

/** A shop-like mention; `name` is its name without the type word (阿强 of 阿强便利店). */
export interface ShopLike extends Span {
  name: Span;
}

/**
 * Visit verbs as blockers of a name: Latin ones are words of their own ("at", "hit") and may block
 * one; a Han one may run through a name (在阿强便利店做…) and is passed to the reader instead.
 */
export function visitVerbsBlockNames(names: HanNames | LatinNames): boolean {
  return names.script === "latin";
}

function han(norm: string, words: HanNames, blocked: SpanCover, visitVerbs: Span[], out: ShopLike[]): void {
  const typeRe = new RegExp(`(?:${words.shopTypes.join("|")})`, "g");
  const verbEnds = new Set(visitVerbs.map((v) => v.end));
  for (const m of norm.matchAll(typeRe)) {
    const typeStart = m.index;
    const typeEnd = typeStart + m[0].length;
    if (blocked.overlaps({ start: typeStart, end: typeEnd })) continue;
    let start = typeStart;
    while (
      start > 0 &&
      typeStart - start < HAN_NAME_MAX &&
      isHan(norm[start - 1]) &&
      !blocked.overlaps({ start: start - 1, end: start })
    )
      start--;
    // 去阿强便利店: the name starts after the last verb or joining word.
    start += norm.slice(start, typeStart).search(words.shopNameStart);
    const name = norm.slice(start, typeStart);
    if (name.length < 2 || words.notShopName.test(name)) continue;
    if (m[0] === "店" && !verbEnds.has(start) && !words.bareTypeAfter.test(norm.slice(0, start))) continue;
    out.push({ start, end: typeEnd, name: { start, end: typeStart } });
  }
}

interface Token {
  text: string;
  start: number;
}

function latin(
  norm: string,
  original: string,
  words: LatinNames,
  blocked: SpanCover,
  people: (name: string) => boolean,
  out: ShopLike[],
): void {
  const types = new Set(words.shopTypes);
  const isNameWord = (w: string) => {
    const bare = w.toLowerCase().replace(/'s$/, "");
    return bare.length >= 2 && !words.notShopName.has(bare) && !words.common.has(bare) && !words.short.has(bare);
  };
  const tokens: Token[] = [...original.replace(/[\u2018\u2019\u02bc]/g, "'").matchAll(/[A-Za-z][\w&.'-]*/g)].map(
    (m) => ({
      text: m[0].replace(/[.'-]+$/, (t) => (t.startsWith("'s") ? t : "")),
      start: m.index,
    }),
  );
  const capital = (t: Token) => /^[A-Z]/.test(t.text) || /'s$/i.test(t.text);
  const joined = (a: Token, b: Token) => /^ $/.test(original.slice(a.start + a.text.length, b.start));
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first || !capital(first) || types.has(first.text.toLowerCase())) continue;
    const name = [first];
    let last = first;
    for (let next = tokens[i + 1]; next && name.length < LATIN_NAME_MAX; next = tokens[i + name.length]) {
      if (!/^[A-Z]/.test(next.text) || types.has(next.text.toLowerCase()) || !joined(last, next)) break;
      name.push(next);
      last = next;
    }
    const after = tokens[i + name.length];
    const typed = !!after && joined(last, after) && types.has(after.text.toLowerCase());
    const possessive = /'s$/i.test(last.text);
    const afterVerb = words.shopAfter.test(norm.slice(Math.max(0, first.start - VISIT_WORD_REACH), first.start));
    i += name.length - 1;
    if (!(typed || (possessive && afterVerb))) continue;
    if (!name.every((t) => isNameWord(t.text)) || name.some((t) => people(t.text.replace(/'s$/i, "").toLowerCase())))
      continue;
    const start = first.start;
    const end = typed && after ? after.start + after.text.length : last.start + last.text.length;
    if (blocked.overlaps({ start, end })) continue;
    out.push({ start, end, name: { start, end: last.start + last.text.length } });
  }
}

/** Shop-like names in the message that no roster key covers, read as the message's language writes names. */
export function findShopLike(
  norm: string,
  original: string,
  names: HanNames | LatinNames,
  blocked: SpanCover,
  visitVerbs: Span[],
  isPerson: (name: string) => boolean,
): ShopLike[] {
  const out: ShopLike[] = [];
  if (names.script === "han") han(norm, names, blocked, visitVerbs, out);
  else latin(norm, original, names, blocked, isPerson, out);
  return out;
}

/** Later mentions of a found shop by its name alone ("Fiesta Market … Fiesta out of Topo"). */
export function laterMentions(norm: string, shop: ShopLike, blocked: SpanCover): Span[] {
  const name = norm.slice(shop.name.start, shop.name.end);
  const out: Span[] = [];
  const ascii = /^[a-z]/.test(name);
  for (let i = norm.indexOf(name, shop.end); i >= 0; i = norm.indexOf(name, i + name.length)) {
    const s = { start: i, end: i + name.length };
    if (ascii && (/[a-z0-9]/.test(norm[i - 1] ?? "") || /[a-z0-9]/.test(norm[s.end] ?? ""))) continue;
    if (!blocked.overlaps(s)) out.push(s);
  }
  return out;
}
