/**
 * A dictionary of normalised keys looked up at every offset of a message. Keys are found by
 * their first character and length, so the cost per message does not grow with the number
 * of keys (a 30,000-shop roster costs the same lookups as 180 shops).
 */
import { isAsciiWordChar } from "../common/normalize.js";

export interface KeyHit<T> {
  start: number;
  end: number;
  key: string;
  postings: readonly T[];
}

export class KeyIndex<T> {
  private readonly byKey = new Map<string, T[]>();
  /** First char → the distinct key lengths starting with it, longest first. */
  private readonly lengths = new Map<string, number[]>();

  add(key: string, posting: T): void {
    const list = this.byKey.get(key);
    if (list) list.push(posting);
    else {
      this.byKey.set(key, [posting]);
      const first = key.charAt(0);
      const ls = this.lengths.get(first) ?? [];
      if (!ls.includes(key.length)) {
        ls.push(key.length);
        ls.sort((a, b) => b - a);
      }
      this.lengths.set(first, ls);
    }
  }

  get(key: string): readonly T[] | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * Every key occurring in `text`. ASCII keys must sit on word boundaries; an English
   * plural s is allowed after them ("coke 12 packs" for "coke 12 pack").
   */
  scan(text: string): KeyHit<T>[] {
    const hits: KeyHit<T>[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      const ls = this.lengths.get(ch);
      if (!ls) continue;
      if (isAsciiWordChar(ch) && isAsciiWordChar(text[i - 1])) continue;
      for (const len of ls) {
        if (i + len > text.length) continue;
        const key = text.slice(i, i + len);
        const postings = this.byKey.get(key);
        if (!postings) continue;
        let end = i + len;
        if (isAsciiWordChar(key[len - 1])) {
          if (text[end] === "s" && /[a-z]/.test(key.charAt(len - 1)) && !isAsciiWordChar(text[end + 1])) end++;
          else if (isAsciiWordChar(text[end])) continue;
        }
        hits.push({ start: i, end, key, postings });
      }
    }
    return hits;
  }
}

/** Keeps the longest hits that do not overlap; `rank` breaks ties (higher wins). */
export function longestNonOverlapping<H extends { start: number; end: number }>(
  hits: H[],
  rank: (h: H) => number = () => 0,
): H[] {
  const sorted = [...hits].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || rank(b) - rank(a) || a.start - b.start,
  );
  // Characters already taken, so each hit is checked in its own length, not against every hit kept.
  const taken = new Uint8Array(Math.max(0, ...hits.map((h) => h.end)));
  const kept: H[] = [];
  for (const h of sorted) {
    if (taken.subarray(h.start, h.end).includes(1)) continue;
    taken.fill(1, h.start, h.end);
    kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The postings of the highest strength, in order; null for none (a key always has some). */
export function strongest<P extends { strength: number }>(postings: readonly P[]): { lead: P; top: P[] } | null {
  const best = Math.max(...postings.map((p) => p.strength));
  const top = postings.filter((p) => p.strength === best);
  const [lead] = top;
  return lead ? { lead, top } : null;
}
