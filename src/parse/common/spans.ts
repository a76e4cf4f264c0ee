/**
 * Spans of the message and the few searches over them the parser repeats for every fact: kept
 * to a binary search or one lookup each, so the work on a message grows with its length and not
 * with its square (a 4,000-character report names hundreds of products, cues and amounts).
 */

export interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The first index of a list at which `after` holds, for a predicate that is false and then true
 * along the list (the list's length when it never holds).
 */
export function firstIndex<T>(list: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(list[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first item starting at or after `at`, of a list sorted by start. */
export function firstFrom<T extends Span>(sorted: readonly T[], at: number): T | undefined {
  return sorted[firstIndex(sorted, (x) => x.start >= at)];
}

/** The last item ending at or before `at`, of a list of spans that do not overlap, sorted by start. */
export function lastUpTo<T extends Span>(sorted: readonly T[], at: number): T | undefined {
  return sorted[firstIndex(sorted, (x) => x.end > at) - 1];
}

/** Items starting in [from, to), of a list sorted by start. */
export function startingIn<T extends Span>(sorted: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstIndex(sorted, (x) => x.start >= from); i < sorted.length; i++) {
    const x = sorted[i] as T;
    if (x.start >= to) break;
    out.push(x);
  }
  return out;
}

/** The spans overlapping [start, end), of a list of spans that do not overlap, sorted by start. */
export function overlapping<T extends Span>(sorted: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = firstIndex(sorted, (x) => x.end > start); i < sorted.length; i++) {
    const x = sorted[i] as T;
    if (x.start >= end) break;
    out.push(x);
  }
  return out;
}

/** Does `at` fall in one of the ranges (sorted by start and not overlapping, as a shop's stretches are)? */
export function inSortedRanges(ranges: readonly Span[], at: number): boolean {
  const r = ranges[firstIndex(ranges, (x) => x.start > at) - 1];
  return !!r && at < r.end;
}

/**
 * Which characters a set of spans covers, for "does this span overlap any of them?" in one
 * lookup after one pass over the text. An empty span covers no character, so a check that
 * involves one falls back to comparing the spans one by one (the parser's spans are never empty).
 */
export class SpanCover {
  /** covered[i]: how many of the characters before i are covered. */
  private readonly covered: Int32Array;
  private readonly spans: Span[];
  private readonly anyEmpty: boolean;

  constructor(length: number, spans: Iterable<Span>) {
    this.spans = [...spans];
    this.anyEmpty = this.spans.some((s) => s.start >= s.end);
    // Open and close counts per position, then a running sum: linear in the text and the spans.
    const depth = new Int32Array(length + 1);
    for (const s of this.spans) {
      const from = Math.max(0, s.start);
      const to = Math.min(length, s.end);
      if (from >= to) continue;
      depth[from] = (depth[from] ?? 0) + 1;
      depth[to] = (depth[to] ?? 0) - 1;
    }
    this.covered = new Int32Array(length + 1);
    let open = 0;
    for (let i = 0; i < length; i++) {
      open += depth[i] ?? 0;
      this.covered[i + 1] = (this.covered[i] ?? 0) + (open > 0 ? 1 : 0);
    }
  }

  overlaps(s: Span): boolean {
    if (this.anyEmpty || s.start >= s.end) return this.spans.some((x) => overlaps(x, s));
    const last = this.covered.length - 1;
    const from = Math.min(Math.max(0, s.start), last);
    const to = Math.min(Math.max(0, s.end), last);
    return (this.covered[to] ?? 0) - (this.covered[from] ?? 0) > 0;
  }
}
