/**
 * Text that clearly names a shop the roster does not hold: a name plus a shop-type word
 * (阿强便利店, 去了阿强店, "Bob's Liquor", "stopped by Bob's"). Such a report is about that
 * shop, so its facts must not drift to another one; the bot asks which shop it is.
 * Only clear names count: 一家烟酒店, 店里, "the store", "wrong store" are not names.
 */
import { isHan } from "../common/normalize.js";
import { EN_COMMON_WORDS, EN_SHORT_WORDS } from "../../locales/en/parse/shop-words.js";
import { ZH_SHOP_TYPE_SUFFIXES } from "../../locales/zh/parse/shop-words.js";
import type { Span } from "./price-over-tag.js";

const ZH_TYPES = [...ZH_SHOP_TYPE_SUFFIXES.filter((s) => s.length >= 2 && !["便利", "烟酒", "副食", "商贸", "士多"].includes(s)), "店"];
const ZH_TYPE_RE = new RegExp(`(?:${ZH_TYPES.join("|")})`, "g");
/** Not in a shop's own name: numbers of shops, pronouns, places relative to another shop, verbs. */
const ZH_NOT_NAME = /[一两几这那哪些啥每个他她我你们的帮给让把被在是了去到跑]|隔壁|新开|附近|对面|旁边|门口|批发|别的|其他|其它|同行/;
const EN_TYPES = ["market", "mart", "store", "liquor", "liquors", "deli", "grocery", "groceries", "pharmacy", "foods", "express"];
const EN_NOT_NAME = new Set(("the this that my his her our their your a an wrong same other another next last new old big small " +
  "corner liquor grocery food what here there let it he she who everyone everybody nobody someone somebody mom dad").split(" "));

/** A shop-like mention; `name` is its name without the type word (阿强 of 阿强便利店). */
export interface ShopLike extends Span {
  name: Span;
}

const overlapsAny = (s: Span, spans: Span[]) => spans.some((x) => s.start < x.end && x.start < s.end);

function chinese(norm: string, blocked: Span[], visitVerbs: Span[], out: ShopLike[]): void {
  for (const m of norm.matchAll(ZH_TYPE_RE)) {
    const typeStart = m.index;
    const typeEnd = typeStart + m[0].length;
    if (overlapsAny({ start: typeStart, end: typeEnd }, blocked)) continue;
    let start = typeStart;
    while (start > 0 && typeStart - start < 4 && isHan(norm[start - 1]) && !overlapsAny({ start: start - 1, end: start }, blocked)) start--;
    // 去阿强便利店: the name starts after the last verb or joining word.
    start += norm.slice(start, typeStart).search(/[^去到在跑和跟及了]*$/);
    const name = norm.slice(start, typeStart);
    if (name.length < 2 || ZH_NOT_NAME.test(name)) continue;
    // A bare 店 names a shop only right after a visit verb (去了阿强店), not in 到店, 小店, 门店.
    if (m[0] === "店" && !visitVerbs.some((v) => v.end === start) && !/[去到在]$/.test(norm.slice(0, start))) continue;
    out.push({ start, end: typeEnd, name: { start, end: typeStart } });
  }
}

const isNameWord = (w: string) => {
  const bare = w.toLowerCase().replace(/'s$/, "");
  return bare.length >= 2 && !EN_NOT_NAME.has(bare) && !EN_COMMON_WORDS.has(bare) && !EN_SHORT_WORDS.has(bare);
};
const EN_TYPE_WORDS = new Set(EN_TYPES);

function english(norm: string, original: string, blocked: Span[], people: (name: string) => boolean, out: ShopLike[]): void {
  const tokens = [...original.replace(/[\u2018\u2019\u02bc]/g, "'").matchAll(/[A-Za-z][\w&.'-]*/g)].map((m) => ({
    text: m[0].replace(/[.'-]+$/, (t) => (t.startsWith("'s") ? t : "")),
    start: m.index,
  }));
  const capital = (t: { text: string }) => /^[A-Z]/.test(t.text) || /'s$/i.test(t.text);
  const joined = (a: { text: string; start: number }, b: { start: number }) => /^ $/.test(original.slice(a.start + a.text.length, b.start));
  for (let i = 0; i < tokens.length; i++) {
    if (!capital(tokens[i]) || EN_TYPE_WORDS.has(tokens[i].text.toLowerCase())) continue;
    const name = [tokens[i]];
    while (name.length < 3 && i + name.length < tokens.length) {
      const next = tokens[i + name.length];
      if (!/^[A-Z]/.test(next.text) || EN_TYPE_WORDS.has(next.text.toLowerCase()) || !joined(name[name.length - 1], next)) break;
      name.push(next);
    }
    const last = name[name.length - 1];
    const after = tokens[i + name.length];
    const typed = !!after && joined(last, after) && EN_TYPE_WORDS.has(after.text.toLowerCase());
    const possessive = /'s$/i.test(last.text);
    const afterVerb = /\b(?:at|by|to|hit|visited|from|into)\s+$/.test(norm.slice(Math.max(0, tokens[i].start - 12), tokens[i].start));
    i += name.length - 1;
    if (!(typed || (possessive && afterVerb))) continue;
    if (!name.every((t) => isNameWord(t.text)) || name.some((t) => people(t.text.replace(/'s$/i, "").toLowerCase()))) continue;
    const start = name[0].start;
    const end = typed ? after.start + after.text.length : last.start + last.text.length;
    if (overlapsAny({ start, end }, blocked)) continue;
    out.push({ start, end, name: { start, end: last.start + last.text.length } });
  }
}

/** Shop-like names in the message that no roster key covers. */
export function findShopLike(
  norm: string,
  original: string,
  lang: "zh" | "en",
  blocked: Span[],
  visitVerbs: Span[],
  isPerson: (name: string) => boolean,
): ShopLike[] {
  const out: ShopLike[] = [];
  if (lang === "zh") chinese(norm, blocked, visitVerbs, out);
  else english(norm, original, blocked, isPerson, out);
  return out;
}

/** Later mentions of a found shop by its name alone ("Fiesta Market … Fiesta out of Topo"). */
export function laterMentions(norm: string, shop: ShopLike, blocked: Span[]): Span[] {
  const name = norm.slice(shop.name.start, shop.name.end);
  const out: Span[] = [];
  const ascii = /^[a-z]/.test(name);
  for (let i = norm.indexOf(name, shop.end); i >= 0; i = norm.indexOf(name, i + name.length)) {
    const s = { start: i, end: i + name.length };
    if (ascii && (/[a-z0-9]/.test(norm[i - 1] ?? "") || /[a-z0-9]/.test(norm[s.end] ?? ""))) continue;
    if (!overlapsAny(s, blocked)) out.push(s);
  }
  return out;
}
