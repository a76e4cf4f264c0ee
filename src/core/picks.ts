/**
 * Reading a reply to a question: "2", "第二个", "the second one", a candidate's name, "忽略"/"skip",
 * "取消"/"cancel", a unit. Pure functions over text, in every language; the dialogue decides what
 * they mean.
 */
import type { Unit } from "../domain/records.js";
import { REPLY_PHRASES } from "../locales/index.js";

export type Answer =
  | { kind: "choice"; index: number }
  | { kind: "skip" }
  | { kind: "cancel" }
  | { kind: "text"; text: string };

/** Full-width digits (１２) read as ASCII, a trailing full stop dropped, lower case. */
function normalisePick(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。.!！,，]$/, "")
    .toLowerCase();
}

/** The number a reply picks, 1-based (-1 = the last), when it is only a pick ("2", "第2个", "the 2nd one"). */
export function ordinalOf(text: string): number | null {
  const t = normalisePick(text);
  for (const phrases of REPLY_PHRASES) {
    const n = phrases.ordinal(t);
    if (n !== null) return n;
  }
  return null;
}

const anyLanguage = (text: string, pick: (p: (typeof REPLY_PHRASES)[number]) => RegExp) =>
  REPLY_PHRASES.some((phrases) => pick(phrases).test(text));

export const isYes = (text: string) => anyLanguage(text.trim(), (p) => p.yes);
export const isNo = (text: string) => anyLanguage(text.trim(), (p) => p.no);

/** Interprets a reply to a question with `labels` as its numbered options (names match too). */
export function readAnswer(text: string, labels: string[]): Answer {
  const trimmed = text.trim();
  if (anyLanguage(trimmed, (p) => p.cancel)) return { kind: "cancel" };
  if (anyLanguage(trimmed, (p) => p.skip)) return { kind: "skip" };
  const n = ordinalOf(trimmed);
  if (n !== null && labels.length) {
    const index = n === -1 ? labels.length - 1 : n - 1;
    if (index >= 0 && index < labels.length) return { kind: "choice", index };
  }
  const named = matchLabel(trimmed, labels);
  if (named !== null) return { kind: "choice", index: named };
  return { kind: "text", text: trimmed };
}

/** The one option whose label the reply names (or that names the reply); null when none or several. */
function matchLabel(text: string, labels: string[]): number | null {
  // Full-width brackets and letters typed on a Chinese keyboard read as the labels' own (NFKC).
  const flat = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  const t = flat(text);
  if (t.length < 2) return null;
  // A whole label, as a tapped button or a typed number sends it ("玉溪(硬)"), before any looser match.
  const whole = labels.map(flat).flatMap((label, i) => (label === t ? [i] : []));
  if (whole.length === 1) return whole[0] ?? null;
  const hits = labels
    .map((label, i) => ({ i, l: flat(label).replace(/[（(].*$/, "") }))
    .filter(({ l }) => l === t || l.includes(t) || t.includes(l));
  const exact = hits.filter(({ l }) => l === t);
  if (exact.length === 1) return exact[0]?.i ?? null;
  return hits.length === 1 ? (hits[0]?.i ?? null) : null;
}

/** A unit named by a reply ("条", "cases"); null when the reply names none. */
export function unitOf(text: string): Unit | null {
  const t = text
    .trim()
    .replace(/^(是|按|都是|it'?s|in)\s*/i, "")
    .replace(/[。.!！]$/, "");
  for (const phrases of REPLY_PHRASES) for (const [pattern, unit] of phrases.units) if (pattern.test(t)) return unit;
  return null;
}
