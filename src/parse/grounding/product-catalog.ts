/**
 * Grounds product mentions to SKUs. A brand alone (中华, 玉溪, "Coca-Cola") names several
 * SKUs: it is kept as an uncertain mention with candidates, never guessed.
 */
import type { Product, Roster } from "../../domain/roster.js";
import { isHan, normalizeText } from "../common/normalize.js";
import { overlapping } from "../common/spans.js";
import type { MatchVia } from "../types.js";
import { KeyIndex, longestNonOverlapping, strongest } from "./key-index.js";
import type { Strength } from "./name-keys.js";
import { PinyinIndex } from "./pinyin-index.js";
import { productKeys } from "./product-keys.js";
import { TypoCorrector, typoHits } from "./typo-correct.js";

const COUNTED_UNIT = /^\s*(?:bottles?|btls?|cans?|cases?|cs|packs?|pks?|units?|singles?|ea|条|包|盒|件|箱|瓶|罐)\b/;

/** "Coke Zer0", "c0ke": a zero typed inside a word is the letter o (same length, so offsets hold). */
const digitsAsLetters = (text: string): string => text.replace(/(?<=[a-z]{2})0(?![\d.])|(?<=[a-z])0(?=[a-z])/g, "o");

interface Posting {
  product: number;
  via: MatchVia;
  strength: Strength;
}

export interface ProductHit {
  start: number;
  end: number;
  via: MatchVia;
  strength: Strength;
  /** Product indexes; one when the mention names one SKU. */
  products: number[];
}

export class ProductCatalog {
  readonly products: Product[];
  private readonly index = new KeyIndex<Posting>();
  private readonly sounds = new PinyinIndex<Posting>(new Set());
  private readonly typos = new TypoCorrector();

  constructor(roster: Roster) {
    this.products = roster.products;
    const brands = new Map<string, number[]>();
    roster.products.forEach((p, product) => {
      for (const k of productKeys(p)) {
        const posting = { product, via: k.via, strength: k.strength };
        this.index.add(k.key, posting);
        if (k.key.length >= 3 || isHan(k.key[0])) this.sounds.add(k.key, posting);
        if (!isHan(k.key[0])) this.typos.addName(k.key);
      }
      const brand = normalizeText(p.brand).trim();
      if (brand) brands.set(brand, [...(brands.get(brand) ?? []), product]);
    });
    for (const [brand, members] of brands) {
      if (brand.length < 2) continue;
      const already = this.index.get(brand);
      if (already?.some((p) => p.strength >= 2)) continue; // 红塔山 is an alias of one SKU
      for (const product of members) {
        this.index.add(brand, { product, via: "short", strength: members.length === 1 ? 2 : 1 });
      }
    }
  }

  /** The product of an index this catalogue gave out. */
  product(index: number): Product {
    const p = this.products[index];
    if (!p) throw new RangeError(`no product #${index} in this catalogue`);
    return p;
  }

  /** The products a key's postings name, by their strongest way of naming; none for no postings. */
  private ground(start: number, end: number, postings: readonly Posting[]): ProductHit[] {
    const found = strongest(postings);
    if (!found) return [];
    return [
      {
        start,
        end,
        via: found.lead.via,
        strength: found.lead.strength,
        products: [...new Set(found.top.map((p) => p.product))],
      },
    ];
  }

  /** Product mentions in normalised text, longest first, not overlapping. */
  find(raw: string): ProductHit[] {
    const text = digitsAsLetters(raw);
    const hits: ProductHit[] = this.index
      .scan(text)
      // "Coke Zero 20 bottles": a name ending in a number gives the number back when a unit follows.
      .filter((h) => !(/\d$/.test(h.key) && COUNTED_UNIT.test(text.slice(h.end))))
      .flatMap((h) => this.ground(h.start, h.end, h.postings));
    let kept = splitGlued(
      longestNonOverlapping(hits, (h) => h.strength),
      hits,
    );
    const covered = (s: number, e: number) => overlapping(kept, s, e).length > 0;
    // 软中花: a sound-alike may swallow the shorter exact name it contains (软中).
    const coveredBetter = (s: number, e: number) =>
      overlapping(kept, s, e).some((h) => !(h.start >= s && h.end <= e && h.end - h.start < e - s));
    const extra: ProductHit[] = [];
    for (const h of this.sounds.scan(text, coveredBetter))
      for (const g of this.ground(h.start, h.end, h.postings)) extra.push({ ...g, via: "homophone" });
    for (const h of typoHits(this.index, this.typos, text, covered))
      for (const g of this.ground(h.start, h.end, h.postings)) extra.push({ ...g, via: "fuzzy" });
    if (extra.length)
      kept = longestNonOverlapping([...kept, ...extra], (h) =>
        h.via === "homophone" || h.via === "fuzzy" ? -5 : h.strength,
      );
    return kept;
  }

  confidence(hit: ProductHit): number {
    const via = hit.via === "homophone" ? 0.75 : hit.via === "fuzzy" ? 0.8 : 1;
    return via / hit.products.length;
  }
}

/**
 * 硬中华双中支: the longest name (中华双中支) would swallow the end of the name before it; two names
 * that meet (硬中华 + 双中支) and cover more of the text are what was written.
 */
function splitGlued(kept: ProductHit[], hits: ProductHit[]): ProductHit[] {
  const out: ProductHit[] = [];
  kept.forEach((h, i) => {
    const before = out[out.length - 1] ?? null;
    const free = Math.max(before?.end ?? 0, kept[i - 1]?.end ?? 0);
    const head = hits.find(
      (a) => a.start < h.start && a.start >= free && a.end > h.start && a.end < h.end && hits.some(tailOf(a, h)),
    );
    const tail = head && hits.find(tailOf(head, h));
    if (head && tail) out.push(head, tail);
    else out.push(h);
  });
  return out;
}

const tailOf = (head: ProductHit, whole: ProductHit) => (b: ProductHit) => b.start === head.end && b.end === whole.end;
