/**
 * What the message itself supports: every number it writes (12, 2.5, 十二, 两条半 → 2.5, 半件 → 0.5,
 * "a dozen", 一个半小时 → 90 minutes) and every day its date words can mean. A model's quantity or
 * date that is not in here was invented, and grounding drops it.
 * Reuses the rule parser's extractors so both paths read numbers and dates the same way.
 */
import type { Unit } from "../../domain/records.js";
import { normalizeText } from "../common/normalize.js";
import { parseChineseNumber, parseEnglishNumber } from "../common/numerals.js";
import { findAmounts } from "../extract/amounts.js";
import { findDates } from "../extract/dates.js";
import { findConsumers, findDurations } from "../extract/event-facts.js";

export interface TextEvidence {
  /** Numbers written in the text, in any notation. */
  numbers: ReadonlySet<number>;
  /** Days the text's date expressions can mean (as a past visit or a follow-up), plus today. */
  days: ReadonlySet<string>;
  /** Durations in minutes the text states. */
  minutes: ReadonlySet<number>;
  /** Units the text names anywhere (条 → carton …): a unit nowhere in the text is a guess. */
  units: ReadonlySet<Unit>;
}

const UNIT_WORDS: [RegExp, Unit][] = [
  [/条|\bcartons?\b/, "carton"],
  [/[包盒]|\b(?:packs?|pks?)\b/, "pack"],
  [/[件箱]|\b(?:cases?|cs|box(?:es)?)\b/, "case"],
  [/[瓶罐听]|\b(?:bottles?|btls?|cans?|units?|singles?|ea)\b/, "unit"],
];

const ZH_RUN = /[零〇一二两俩三四五六七八九十百千万]+(半)?/g;

export function readEvidence(text: string, today: string): TextEvidence {
  const norm = normalizeText(text);
  const numbers = new Set<number>();
  // An amount counts as a whole: 两条半 supports 2.5, not the 2 inside it.
  let rest = norm;
  for (const a of findAmounts(norm)) {
    if (a.qty !== null) numbers.add(a.qty);
    rest = rest.slice(0, a.start) + " ".repeat(a.end - a.start) + rest.slice(a.end);
  }
  for (const m of rest.matchAll(/\d+(?:\.\d+)?/g)) numbers.add(Number(m[0]));
  for (const m of rest.matchAll(ZH_RUN)) {
    const n = parseChineseNumber(m[1] ? m[0].slice(0, -1) : m[0]);
    if (n !== null) numbers.add(m[1] ? n + 0.5 : n);
  }
  if (/半/.test(rest)) numbers.add(0.5);
  for (const m of rest.matchAll(/[a-z]+/g)) {
    const n = parseEnglishNumber(m[0]);
    // "a"/"an" read as 1 would support any invented single unit; only spelled numbers count.
    if (n !== null && m[0] !== "a" && m[0] !== "an") numbers.add(n);
  }
  for (const c of findConsumers(norm)) if (c.value !== null) numbers.add(c.value);
  const minutes = new Set<number>();
  for (const d of findDurations(norm)) if (d.value !== null) minutes.add(d.value);

  const days = new Set<string>([today]);
  for (const d of findDates(norm, text, today)) {
    if (d.visit) days.add(d.visit);
    if (d.follow) days.add(d.follow);
  }
  const units = new Set<Unit>(UNIT_WORDS.filter(([re]) => re.test(norm)).map(([, unit]) => unit));
  return { numbers, days, minutes, units };
}
