/**
 * Runs every extractor over one message and resolves overlaps between them: a shop or
 * product name wins over a cue, an amount or a date inside it ("Quick Stop" is not a
 * visit verb, "Coke Zero 12pk" holds no amount). Everything after works on this.
 */
import { type Cue, findCues } from "../common/cues.js";
import { detectLang, normalizeText, sentenceAround, sentenceEnds } from "../common/normalize.js";
import { type Span, SpanCover } from "../common/spans.js";
import { type Amount, applyRestatements, bareNumberAfter, findAmounts } from "../extract/amounts.js";
import { type DateExpr, findDates } from "../extract/dates.js";
import { type Counted, findConsumers, findDurations } from "../extract/event-facts.js";
import { findPriceOverTag } from "../extract/price-over-tag.js";
import { findShopLike, laterMentions, visitVerbsBlockNames } from "../extract/shop-like.js";
import { longestNonOverlapping } from "../grounding/key-index.js";
import type { ProductCatalog, ProductHit } from "../grounding/product-catalog.js";
import type { ShopDirectory, ShopHit } from "../grounding/shop-directory.js";
import { type NotVisited, PARSE_LOCALES, type ParseLocale, parseLocaleFor } from "../locale.js";

export interface ShopSpan extends ShopHit {
  /** The resolved retailer index, after context; null when still ambiguous. */
  resolved: number | null;
  /** Identity for grouping facts: the retailer index, or the candidate set when ambiguous. */
  identity: string;
}

export interface ProductSpan extends ProductHit {
  /** The SKU index when one product is meant. */
  resolved: number | null;
}

export interface Analysis {
  text: string;
  norm: string;
  lang: "zh" | "en";
  /** The tables and grammar of the detected language. */
  locale: ParseLocale;
  /** YYYY-MM-DD in the sender's zone. */
  today: string;
  senderId: string;
  shops: ShopSpan[];
  products: ProductSpan[];
  amounts: Amount[];
  cues: Cue[];
  dates: DateExpr[];
  consumers: Counted[];
  durations: Counted[];
  priceOverTag: Span[];
  sentenceEnds: number[];
}

const PROMO_KINDS = new Set([
  "promo_tasting",
  "promo_in_store",
  "promo_demo",
  "promo_circle",
  "promo_gift",
  "promo_discount",
  "promo_display",
  "promo_other",
]);

/** Masks spans with spaces so another index cannot match across them (软珍品鉴会 → 软珍 + 品鉴). */
function mask(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  let out = "";
  let last = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < last) continue;
    out += text.slice(last, s.start) + " ".repeat(s.end - s.start);
    last = s.end;
  }
  return out + text.slice(last);
}

/** The one item of a list, or null when it has none or several. */
const single = <T>(list: readonly T[]): T | null => (list.length === 1 ? (list[0] ?? null) : null);

/** Ambiguous mentions take a candidate another mention in the same message resolved (罗森 after 罗森西安南路). */
function resolveFromContext(shops: ShopSpan[]): void {
  const resolved = new Set(shops.flatMap((s) => (s.resolved === null ? [] : [s.resolved])));
  for (const s of shops) {
    if (s.resolved !== null) continue;
    const known = single(s.shops.filter((x) => resolved.has(x)));
    if (known !== null) {
      s.resolved = known;
      s.identity = String(known);
      s.via = "context";
    }
  }
}

/** 老板说元旦想搞个买赠, "asked if we can do a BOGO": an event wished for has not happened. */
function wished(ends: number[], cue: Cue, cues: Cue[]): boolean {
  const [sStart] = sentenceAround(ends, cue.start);
  const reach = parseLocaleFor(cue.lang).wishReach;
  return cues.some((w) => w.kind === "wish" && w.end <= cue.start && w.start >= sStart && cue.start - w.end <= reach);
}

/** Do the words beside a shop's mention say it was not visited after all? */
function notVisited(norm: string, shop: Span, words: NotVisited): boolean {
  const beside =
    words.side === "after"
      ? norm.slice(shop.end, shop.end + words.reach)
      : norm.slice(Math.max(0, shop.start - words.reach), shop.start);
  return words.words.test(beside);
}

export function analyse(
  text: string,
  senderId: string,
  today: string,
  shopsDir: ShopDirectory,
  catalog: ProductCatalog,
  isPerson: (word: string) => boolean = () => false,
): Analysis {
  const norm = normalizeText(text);
  const ends = sentenceEnds(norm);
  const found = findCues(norm, PARSE_LOCALES);
  const promoCues = found.filter((c) => PROMO_KINDS.has(c.kind));
  const allCues = found.filter((c) => !PROMO_KINDS.has(c.kind) || !wished(ends, c, found));

  const shopHits: ShopSpan[] = shopsDir.find(norm, senderId).map((h) => {
    const resolved = single(h.shops);
    return {
      ...h,
      resolved,
      identity: resolved !== null ? String(resolved) : `?${[...h.shops].sort((a, b) => a - b).join(",")}`,
    };
  });
  const productHits: ProductSpan[] = catalog
    .find(mask(norm, promoCues))
    .map((h) => ({ ...h, resolved: single(h.products) }));

  // Shops and products compete for the same characters: the longer name wins; on a tie a
  // shop from the sender's own team beats a product.
  type Tagged = { start: number; end: number; rank: number; shop?: ShopSpan; product?: ProductSpan };
  const tagged: Tagged[] = [
    ...shopHits.map((s) => ({ start: s.start, end: s.end, rank: s.tier < 2 && s.strength >= 2 ? 2 : 0, shop: s })),
    ...productHits.map((p) => ({ start: p.start, end: p.end, rank: 1, product: p })),
  ];
  const kept = longestNonOverlapping(tagged, (t) => t.rank);
  const shops = kept.flatMap((t) => (t.shop ? [t.shop] : []));
  const products = kept.flatMap((t) => (t.product ? [t.product] : []));
  resolveFromContext(shops);
  const names: Span[] = [...kept];
  const lang = detectLang(text);
  const locale = parseLocaleFor(lang);
  // 今天去了阿强便利店: a shop the roster does not hold is still the shop these facts are about.
  const known = (s: Span) => shopsDir.knows(norm.slice(s.start, s.end));
  const dateSpans = findDates(norm, text, today);
  const verbsBlock = visitVerbsBlockNames(locale.names);
  const blocked = [...names, ...dateSpans, ...allCues.filter((c) => c.kind !== "visit_verb" || verbsBlock)];
  const visitVerbs = allCues.filter((c) => c.kind === "visit_verb");
  const named = new Set<string>();
  for (const s of findShopLike(norm, text, locale.names, new SpanCover(norm.length, blocked), visitVerbs, isPerson)) {
    if (known(s) || known(s.name)) continue;
    const identity = `new:${norm.slice(s.name.start, s.name.end)}`;
    // A name found again has no later mentions left: the first time took them all as names.
    const later = named.has(identity) ? [] : laterMentions(norm, s, new SpanCover(norm.length, [...blocked, ...names]));
    named.add(identity);
    for (const at of [s, ...later]) {
      const unknown: ShopSpan = {
        start: at.start,
        end: at.end,
        via: "name",
        tier: 2,
        strength: 1,
        shops: [],
        resolved: null,
        identity,
      };
      shops.push(unknown);
      names.push(unknown);
    }
  }
  shops.sort((x, y) => x.start - y.start);
  const visited = shops.filter((s) => !PARSE_LOCALES.some((l) => notVisited(norm, s, l.notVisited)));
  // A shop the text says was not reached gets no record (one mention is enough to drop its identity).
  const visitedSet = new Set(visited);
  const skipped = new Set(shops.filter((s) => !visitedSet.has(s)).map((s) => s.identity));
  if (skipped.size) shops.splice(0, shops.length, ...shops.filter((s) => !skipped.has(s.identity)));

  const priceOverTag = findPriceOverTag(norm);
  const cover = (spans: Span[]) => new SpanCover(norm.length, spans);
  const nameCover = cover(names);
  // A follow cue may reach over a name (带天叶的到货单过去): only its ends must stand outside names.
  const endsFree = (c: Cue) =>
    !nameCover.overlaps({ start: c.start, end: c.start + 1 }) && !nameCover.overlaps({ start: c.end - 1, end: c.end });
  const cues = allCues.filter(
    (c) => PROMO_KINDS.has(c.kind) || (c.kind === "follow" ? endsFree(c) : !nameCover.overlaps(c)),
  );
  const priceCover = cover(cues.filter((c) => c.kind === "price" || c.kind === "not_oos"));
  const oosCover = cover(cues.filter((c) => c.kind === "oos_back"));
  // 硬中华是两条半 不是一条半: the count denied is no count.
  // 一条都没卖出去: not even one is no count.
  const noneOf = (a: Amount) =>
    a.qty === 1 && PARSE_LOCALES.some((l) => !!l.lines.noneAfter?.test(norm.slice(a.end, a.end + 4)));
  const denied = (a: Amount) =>
    noneOf(a) || PARSE_LOCALES.some((l) => l.lines.deniedCount.test(norm.slice(Math.max(0, a.start - 6), a.start)));
  // "Monster 2-4pm", 9点到11点: a time of day or a length of time is not an amount.
  // "coke zero 2-3, sprite 4 cs": a bare range right after a product counts it (vaguely).
  const countRange = (d: Counted) =>
    d.bareHours && products.some((p) => p.end <= d.start && /^\s*$/.test(norm.slice(p.end, d.start)));
  const durations = findDurations(norm).filter((d) => !nameCover.overlaps(d) && !countRange(d));
  const durationCover = cover(durations);
  const written = findAmounts(norm).filter(
    (a) =>
      !nameCover.overlaps(a) &&
      !priceCover.overlaps(a) &&
      !oosCover.overlaps(a) &&
      !durationCover.overlaps(a) &&
      !denied(a),
  );
  const amountCover = cover(written);
  let amounts = [...written];
  // A bare number right after a product is an amount whose unit the bot must ask for. (Two such
  // never overlap: one reaching the next product would overlap that product's name.)
  for (const p of products) {
    const bare = bareNumberAfter(norm, p.end);
    if (
      bare &&
      !amountCover.overlaps(bare) &&
      !priceCover.overlaps(bare) &&
      !nameCover.overlaps(bare) &&
      !durationCover.overlaps(bare)
    )
      amounts.push(bare);
  }
  amounts = applyRestatements(
    norm,
    amounts.sort((a, b) => a.start - b.start),
  );
  const dates = dateSpans.filter((d) => !nameCover.overlaps(d));
  const consumers = findConsumers(norm).filter((c) => !nameCover.overlaps(c) && !durationCover.overlaps(c));

  return {
    text,
    norm,
    lang,
    locale,
    today,
    senderId,
    shops,
    products,
    amounts,
    cues,
    dates,
    consumers,
    durations,
    priceOverTag,
    sentenceEnds: ends,
  };
}
