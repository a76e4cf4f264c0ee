/**
 * Splits a message into per-shop stretches. Shops named one after another ("华联 百佳惠还有
 * 客家人", "Joe's and Sunrise") form a group; the text after a group, up to the next group,
 * belongs to it — to every shop of the group when there are several ("刘记 利民 惠民 … 都是
 * 常规理货"). The text before the first shop belongs to the first group.
 */
import type { Analysis, ShopSpan } from "./analysis.js";

export interface Range {
  start: number;
  end: number;
}

export interface ShopGroup {
  mentions: ShopSpan[];
  /** Where the group's own text runs. */
  range: Range;
}

/** Everything one shop (or one undecided shop mention) gets, in text order. */
export interface ShopThread {
  identity: string;
  mentions: ShopSpan[];
  ranges: Range[];
}

const LIST_GAP = /^(?:[\s、,，+&/:：\-]|和|跟|及|与|还有|以及|and\b|以及)*$/;

export function groupShops(a: Analysis): ShopGroup[] {
  const groups: ShopGroup[] = [];
  for (const s of a.shops) {
    const last = groups[groups.length - 1];
    const prev = last?.mentions[last.mentions.length - 1];
    const gap = prev ? a.norm.slice(prev.end, s.start) : "";
    const repeat = last?.mentions.some((m) => m.identity === s.identity);
    // "最后去了佳家乐高记的硬中华…": with nothing between them, a shop named before starts its own stretch.
    const back = gap === "" && groups.some((g) => g.mentions.some((m) => m.identity === s.identity));
    if (last && !repeat && !back && LIST_GAP.test(gap)) last.mentions.push(s);
    else groups.push({ mentions: [s], range: { start: s.end, end: a.norm.length } });
  }
  groups.forEach((g, i) => {
    g.range.start = g.mentions[g.mentions.length - 1].end;
    g.range.end = i + 1 < groups.length ? groups[i + 1].mentions[0].start : a.norm.length;
  });
  return groups;
}

/** One thread per shop identity, with the ranges of every group it appears in. */
export function threads(a: Analysis, groups: ShopGroup[]): ShopThread[] {
  const byId = new Map<string, ShopThread>();
  groups.forEach((g, i) => {
    const ranges: Range[] = [g.range];
    if (i === 0 && g.mentions[0].start > 0) ranges.unshift({ start: 0, end: g.mentions[0].start });
    for (const m of g.mentions) {
      let t = byId.get(m.identity);
      if (!t) {
        t = { identity: m.identity, mentions: [], ranges: [] };
        byId.set(m.identity, t);
      }
      t.mentions.push(m);
      for (const r of ranges) if (!t.ranges.some((x) => x.start === r.start && x.end === r.end)) t.ranges.push(r);
    }
  });
  return [...byId.values()];
}

export const inRanges = (ranges: Range[], at: number) => ranges.some((r) => at >= r.start && at < r.end);
