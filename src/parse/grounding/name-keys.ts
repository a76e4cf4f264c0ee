/**
 * The ways people write a shop's name, derived from the roster row: full name, aliases,
 * the name without its type word (鑫源烟酒 → 鑫源), chain + branch street in either order
 * (天虹超市(龙腾南路店) → 龙腾南路天虹, 天虹龙腾南路), and English short forms.
 */
import type { Retailer } from "../../domain/roster.js";
import { EN_COMMON_WORDS, EN_GENERIC_SHOP_WORDS, EN_SHORT_WORDS } from "../../locales/en/parse/shop-words.js";
import { ZH_SHOP_TYPE_SUFFIXES } from "../../locales/zh/parse/shop-words.js";
import { isHan, normalizeText } from "../common/normalize.js";
import type { MatchVia } from "../types.js";

/** How much a key says about one shop: 3 names it, 2 is an alias, 1 is a short form many shops share. */
export type Strength = 1 | 2 | 3;

export interface NameKey {
  key: string;
  via: MatchVia;
  strength: Strength;
}

const stripSuffix = (name: string): string => {
  for (const s of ZH_SHOP_TYPE_SUFFIXES) {
    if (name.endsWith(s) && name.length > s.length + 1) return name.slice(0, -s.length);
  }
  return name;
};

/** Store numbers as a dictated message spells them ("quick stop twelve"). */
const SPOKEN_NUMBERS = (
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " +
  "seventeen eighteen nineteen twenty"
).split(" ");

/** Variants of an English key: hyphens and ampersands written the other ways, a store number spelled out. */
export function englishVariants(key: string): string[] {
  const out = new Set([key]);
  for (const k of [...out]) {
    if (k.includes("-")) {
      out.add(k.replace(/-/g, ""));
      out.add(k.replace(/-/g, " "));
    }
    if (k.includes("&")) {
      out.add(k.replace(/\s*&\s*/g, " and "));
      out.add(k.replace(/\s*&\s*/g, " "));
    }
    if (k.includes("'s")) out.add(k.replace(/'s\b/g, "s"));
    if (k.includes("#")) out.add(k.replace(/#\s*/g, ""));
  }
  // "lonestar", "hydepark": a two-word name typed as one word.
  for (const k of [...out]) if (/^[a-z']+ [a-z']+$/.test(k) && k.length >= 8) out.add(k.replace(" ", ""));
  // "QS12", "QS 12", "QS #12": a store number written glued, spaced or with its sign.
  for (const k of [...out]) {
    if (!/[a-z]\s*#?\s*\d/.test(k)) continue;
    out.add(k.replace(/([a-z])\s*#?\s*(\d)/g, "$1$2"));
    out.add(k.replace(/([a-z])\s*#?\s*(\d)/g, "$1 $2"));
    out.add(k.replace(/([a-z])\s*#?\s*(\d)/g, "$1 #$2"));
  }
  for (const k of [...out]) {
    const [, name, n] = /^(.*[a-z])\s*#?\s*(\d{1,2})$/.exec(k) ?? [];
    const spoken = SPOKEN_NUMBERS[Number(n)];
    if (name && spoken) out.add(`${name} ${spoken}`);
  }
  return [...out].map((k) => k.replace(/\s+/g, " ").trim()).filter(Boolean);
}

function chineseKeys(r: Retailer, add: (key: string, via: MatchVia, strength: Strength) => void): void {
  const raw = normalizeText(r.name);
  const [, chain, inParens] = /^(.+?)[(（](.+?)[)）]$/.exec(raw) ?? [];
  if (chain && inParens) {
    // A chain branch: 天虹超市(龙腾南路店)
    const branch = inParens.replace(/店$/, "");
    const chainCore = stripSuffix(chain);
    add(chain + inParens, "name", 3);
    // 铁山永辉 for 永辉超市(铁山镇店): the branch's place word is often left out.
    const place = branch.replace(/(?:镇|乡|街道|街|路)$/, "");
    for (const c of new Set([chain, chainCore])) {
      add(branch + c, "chain_street", 3);
      add(c + branch, "chain_street", 3);
      add(`${c + branch}店`, "chain_street", 3);
      if (place !== branch && place.length >= 2) {
        add(place + c, "chain_street", 2);
        add(c + place, "chain_street", 2);
      }
      add(c, "chain", 1);
    }
    return;
  }
  add(raw, "name", 3);
  const core = stripSuffix(raw);
  if (core !== raw) {
    add(core, "short", 1);
    // 谢芳副食 for 谢芳副食店: a name cut short after its type word started.
    for (let n = core.length + 2; n < raw.length; n++) add(raw.slice(0, n), "short", 2);
  }
  if (/^老.$/.test(core)) add(`${core}家`, "short", 1);
  if (/^.记$/.test(core)) add(`${core}店`, "short", 1);
}

function englishKeys(r: Retailer, add: (key: string, via: MatchVia, strength: Strength) => void): void {
  const raw = normalizeText(r.name).replace(/\s+/g, " ").trim();
  add(raw, "name", 3);
  englishShortForms(raw, add);
}

/** "hyde park market" → "hyde park"; "valero cedar park" → "valero" (a distinctive first word). */
function englishShortForms(raw: string, add: (key: string, via: MatchVia, strength: Strength) => void): void {
  const words = raw.split(" ");
  // Drop trailing generic words: "hyde park market" → "hyde park".
  let end = words.length;
  while (end > 1 && EN_GENERIC_SHOP_WORDS.has((words[end - 1] ?? "").replace(/[^a-z]/g, ""))) end--;
  const kept = words.slice(0, end);
  const distinctive = kept.some((w) => {
    const bare = w.replace(/'s$/, "").replace(/[^a-z0-9]/g, "");
    return bare.length >= 3 && !EN_COMMON_WORDS.has(bare) && !EN_GENERIC_SHOP_WORDS.has(bare);
  });
  if (end < words.length && distinctive) add(kept.join(" "), "short", 2);
  // "GV" for Green Valley, "RR" for Round Rock: initials of a distinctive two- or three-word name.
  const initialsOf = kept.filter((w) => /^[a-z]/.test(w));
  if (initialsOf.length >= 2 && initialsOf.length <= 3 && kept.length === initialsOf.length) {
    const initials = initialsOf.map((w) => w.charAt(0)).join("");
    if (!EN_COMMON_WORDS.has(initials) && !EN_SHORT_WORDS.has(initials)) add(initials, "short", 1);
  }
  // "Burnet" for 7-Eleven Burnet Rd, "Mueller" for H-E-B Mueller: a branch goes by its place word.
  const lastBare = (kept[kept.length - 1] ?? "").replace(/[^a-z]/g, "");
  if (kept.length > 1 && lastBare.length >= 4 && !EN_COMMON_WORDS.has(lastBare)) add(lastBare, "short", 1);
  const [first = ""] = words;
  const firstBare = first.replace(/'s$/, "");
  if (
    words.length > 1 &&
    firstBare.length >= 3 &&
    !EN_COMMON_WORDS.has(firstBare) &&
    !EN_GENERIC_SHOP_WORDS.has(firstBare)
  ) {
    add(first, "short", 1);
  }
}

/** All keys of one retailer, normalised, deduplicated (strongest wins). */
export function retailerKeys(r: Retailer): NameKey[] {
  const keys = new Map<string, NameKey>();
  const add = (key: string, via: MatchVia, strength: Strength) => {
    for (const k of isHan(key[0]) ? [key] : englishVariants(key)) {
      if (k.length < 2) continue;
      const prev = keys.get(k);
      if (!prev || prev.strength < strength) keys.set(k, { key: k, via, strength });
    }
  };
  const hasHan = [...r.name].some((c) => isHan(c));
  if (hasHan) chineseKeys(r, add);
  else englishKeys(r, add);
  for (const alias of r.aliases) {
    const a = normalizeText(alias).replace(/\s+/g, " ").trim();
    add(a, "alias", 2);
    if (!hasHan) englishShortForms(a, add);
    if (hasHan) {
      const core = stripSuffix(a);
      if (core !== a && core.length >= 2) add(core, "short", 1);
    }
  }
  return [...keys.values()];
}
