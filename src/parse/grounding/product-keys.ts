/**
 * The ways people write a product: catalogue name and aliases, brand + spec in either
 * order with the usual fillers (软包中华, 中华软的), and English sizes written any way
 * (12pk, 12 pack, 12-pack; 2L, 2 liter).
 */
import type { Product } from "../../domain/roster.js";
import { isHan, normalizeText } from "../common/normalize.js";
import type { MatchVia } from "../types.js";
import { englishVariants, type NameKey, type Strength } from "./name-keys.js";

const SIZE_FORMS: [RegExp, (n: string) => string[]][] = [
  [
    /(\d+(?:\.\d+)?)\s*-?\s*(?:pk|pack)\b/,
    (n) => [`${n}pk`, `${n} pk`, `${n} pack`, `${n}-pack`, `${n}pack`, `${n}pks`, `${n} packs`, `${n}-packs`],
  ],
  [/(\d+(?:\.\d+)?)\s*oz\b/, (n) => [`${n}oz`, `${n} oz`]],
  [
    /(\d+(?:\.\d+)?)\s*(?:l|liter|litre)\b/,
    (n) => [`${n}l`, `${n} l`, `${n} liter`, `${n} litre`, `${n}-liter`, `${n}ltr`],
  ],
];

function sizeVariants(key: string): string[] {
  let out = [key];
  for (const [re, forms] of SIZE_FORMS) {
    const next: string[] = [];
    for (const k of out) {
      const m = re.exec(k);
      if (!m) next.push(k);
      else for (const f of forms(m[1] ?? "")) next.push(k.slice(0, m.index) + f + k.slice(m.index + m[0].length));
    }
    out = next;
  }
  return out;
}

/** "12pk coke", "2l diet coke": the size said before the name as well as after it. */
function sizeFirst(key: string): string[] {
  const m = /^(.*[a-z].*?) (\d+(?:\.\d+)?\s?-?[a-z]+)$/.exec(key);
  return m && SIZE_TOKEN_AT_END.test(m[2] ?? "") ? [key, `${m[2]} ${m[1]}`] : [key];
}

const SIZE_TOKEN_AT_END = /^\d+(?:\.\d+)?\s?-?(?:oz|pks?|packs?|l|liter|litre|ltr)$/;

const SIZE_TOKEN = /\b\d+(?:\.\d+)?\s*(?:oz|pk|pack|l|liter|ml|ct)\b/g;

function chineseSpecKeys(brand: string, spec: string): string[] {
  const keys = [spec + brand, brand + spec];
  if (/^[软硬]$/.test(spec)) {
    for (const filler of ["包", "盒", "的"]) keys.push(spec + filler + brand, brand + spec + filler);
  }
  return keys;
}

/** Keys of one product; strength 1 is left for brand-only keys built by the catalogue. */
export function productKeys(p: Product): NameKey[] {
  const keys = new Map<string, NameKey>();
  const add = (key: string, via: MatchVia, strength: Strength) => {
    const k0 = normalizeText(key).replace(/\s+/g, " ").trim();
    const variants = isHan(k0[0]) ? [k0] : englishVariants(k0).flatMap(sizeVariants).flatMap(sizeFirst);
    for (const k of variants) {
      if (k.length < 2) continue;
      const prev = keys.get(k);
      if (!prev || prev.strength < strength) keys.set(k, { key: k, via, strength });
    }
  };
  const name = normalizeText(p.name);
  // 中华(软): a brand and its spec in parentheses.
  const [, named, spec] = /^(.+?)[(（](.+?)[)）]$/.exec(name) ?? [];
  if (named && spec) {
    add(named + spec, "name", 3);
    const brand = normalizeText(p.brand || named);
    for (const k of chineseSpecKeys(brand, spec)) add(k, "name", 3);
  } else {
    add(name, "name", 3);
    const bare = name.replace(SIZE_TOKEN, " ").replace(/\s+/g, " ").trim();
    if (bare !== name && bare.length >= 3) add(bare, "short", 2);
  }
  for (const a of p.aliases) add(a, "alias", 2);
  return [...keys.values()];
}
