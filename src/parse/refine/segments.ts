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
  mentions: [ShopSpan, ...ShopSpan[]];
  /** Where the group's own text runs. */
  range: Range;
}

/** Everything one shop (or one undecided shop mention) gets, in text order. */
export interface ShopThread {
  identity: string;
  /** The first mention: the record's shop and where its day is looked for. */
  first: ShopSpan;
  mentions: ShopSpan[];
  ranges: Range[];
}

const LIST_GAP = /^(?:[\s、,，+&/:：-]|和|跟|及|与|还有|以及|and\b|以及)*$/;

export function groupShops(a: Analysis): ShopGroup[] {
  const groups: Pick<ShopGroup, "mentions">[] = [];
  const named = new Set<string>();
  /** Mentions of a shop named before them: a list of those is a list ("QS12 and Circle K both …"). */
  const again = new Set<ShopSpan>();
  for (const s of a.shops) {
    const last = groups[groups.length - 1];
    const prev = last?.mentions[last.mentions.length - 1];
    const gap = prev ? a.norm.slice(prev.end, s.start) : "";
    const repeat = last?.mentions.some((m) => m.identity === s.identity);
    // "最后去了佳家乐高记的硬中华…", "先去了王记又去了新华都，王记软中华3条": a shop named before
    // starts its own stretch, not a list with one named for the first time just before it.
    const back = named.has(s.identity) && (gap === "" || (!!prev && !again.has(prev)));
    if (named.has(s.identity)) again.add(s);
    if (last && !repeat && !back && LIST_GAP.test(gap)) last.mentions.push(s);
    else groups.push({ mentions: [s] });
    named.add(s.identity);
  }
  // Each group's text runs from its last shop to the next group's first.
  return groups.map((g, i) => ({
    mentions: g.mentions,
    range: {
      start: g.mentions[g.mentions.length - 1]?.end ?? 0,
      end: groups[i + 1]?.mentions[0].start ?? a.norm.length,
    },
  }));
}

/** One thread per shop identity, with the ranges of every group it appears in. */
export function threads(groups: ShopGroup[]): ShopThread[] {
  const byId = new Map<string, { thread: ShopThread; ranges: Set<string> }>();
  groups.forEach((g, i) => {
    const ranges: Range[] = [g.range];
    const [first] = g.mentions;
    if (i === 0 && first.start > 0) ranges.unshift({ start: 0, end: first.start });
    for (const m of g.mentions) {
      let t = byId.get(m.identity);
      if (!t) {
        t = { thread: { identity: m.identity, first: m, mentions: [], ranges: [] }, ranges: new Set() };
        byId.set(m.identity, t);
      }
      t.thread.mentions.push(m);
      for (const r of ranges) {
        const key = `${r.start}:${r.end}`;
        if (t.ranges.has(key)) continue;
        t.ranges.add(key);
        t.thread.ranges.push(r);
      }
    }
  });
  return [...byId.values()].map((t) => t.thread);
}
