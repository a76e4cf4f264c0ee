/**
 * Corrects English words one edit away from a roster or catalogue word ("brnach" → "branch",
 * "sprit" → "sprite") so the exact key index can then find the name. Ordinary English words
 * are never corrected, and a word with two equally close corrections is left alone.
 */

import { EN_COMMON_WORDS } from "../../locales/en/parse/shop-words.js";
import { deletions, editDistance, FUZZY_MIN_LENGTH } from "../common/fuzzy.js";
import type { KeyIndex } from "./key-index.js";

export interface Corrected {
  text: string;
  /** For each char of `text`, the offset in the original text. */
  origin: number[];
  /** Original [start, end) of every corrected word. */
  changed: [number, number][];
}

export class TypoCorrector {
  private readonly words = new Set<string>();
  private readonly byDeletion = new Map<string, string[]>();

  addName(key: string): void {
    for (const w of key.split(/[^a-z]+/)) {
      if (w.length < FUZZY_MIN_LENGTH || this.words.has(w)) continue;
      this.words.add(w);
      for (const d of deletions(w)) {
        const list = this.byDeletion.get(d) ?? [];
        list.push(w);
        this.byDeletion.set(d, list);
      }
    }
  }

  private correction(word: string): string | null {
    if (word.length < FUZZY_MIN_LENGTH || this.words.has(word) || EN_COMMON_WORDS.has(word)) return null;
    const found = new Set<string>();
    for (const d of deletions(word)) for (const w of this.byDeletion.get(d) ?? []) found.add(w);
    const [only, ...more] = [...found].filter((w) => editDistance(word, w, 1) <= 1);
    return only !== undefined && !more.length ? only : null;
  }

  /** The text with correctable words replaced, or null when nothing changed. */
  correct(text: string, covered: (start: number, end: number) => boolean): Corrected | null {
    let out = "";
    const origin: number[] = [];
    const changed: [number, number][] = [];
    let last = 0;
    for (const m of text.matchAll(/[a-z]+/g)) {
      const start = m.index;
      const end = start + m[0].length;
      if (covered(start, end)) continue;
      const fix = this.correction(m[0]);
      if (!fix) continue;
      for (let i = last; i < start; i++) {
        out += text[i];
        origin.push(i);
      }
      for (let i = 0; i < fix.length; i++) {
        out += fix[i];
        origin.push(Math.min(start + i, end - 1));
      }
      changed.push([start, end]);
      last = end;
    }
    if (!changed.length) return null;
    for (let i = last; i < text.length; i++) {
      out += text[i];
      origin.push(i);
    }
    origin.push(text.length);
    return { text: out, origin, changed };
  }
}

/**
 * Names the index finds only after correcting a typo, with their spans in the original text:
 * a hit must touch a corrected word (else the exact scan already found it).
 */
export function* typoHits<T>(
  index: KeyIndex<T>,
  typos: TypoCorrector,
  text: string,
  covered: (start: number, end: number) => boolean,
): Generator<{ start: number; end: number; postings: readonly T[] }> {
  const fixed = typos.correct(text, covered);
  if (!fixed) return;
  for (const h of index.scan(fixed.text)) {
    // Every offset of the corrected text has its origin (a hit lies inside the text).
    const start = fixed.origin[h.start];
    const last = fixed.origin[h.end - 1];
    if (start === undefined || last === undefined) continue;
    let end = last + 1;
    const touched = fixed.changed.filter(([s, e]) => start < e && s < end);
    if (!touched.length) continue;
    for (const [, e] of touched) end = Math.max(end, e);
    yield { start, end, postings: h.postings };
  }
}
