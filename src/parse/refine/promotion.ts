/**
 * Finds the promotion event of a message: its format, where it ran (the shops named in the
 * same sentence, none for an off-site event such as a hotel or a friend's home), and the
 * stretch of text that describes it.
 */

import type { PromotionFormat } from "../../domain/records.js";
import type { CueKind } from "../common/cues.js";
import { sentenceAround } from "../common/normalize.js";
import type { Analysis } from "./analysis.js";
import type { Range, ShopThread } from "./segments.js";

export interface PromotionSite {
  format: PromotionFormat;
  cueStart: number;
  /** Threads of the shops where it ran (empty: off-site). */
  shops: ShopThread[];
  /** The text that describes the event. */
  ranges: Range[];
}

/**
 * More specific formats first: an "in-store demo" is in_store, a "sampling event" a tasting, a
 * "demo" with samples a tasting, a bare "demo" an in-store session.
 */
const FORMAT_ORDER: [CueKind, PromotionFormat][] = [
  ["promo_in_store", "in_store"],
  ["promo_circle", "circle"],
  ["promo_tasting", "tasting"],
  ["promo_demo", "in_store"],
  ["promo_gift", "gift"],
  ["promo_discount", "discount"],
  ["promo_display", "display"],
  ["promo_other", "other"],
];

export function findPromotion(a: Analysis, threads: ShopThread[]): PromotionSite | null {
  const promoCues = a.cues.filter((c) => c.kind.startsWith("promo_"));
  const [first] = promoCues;
  if (!first) return null;
  const [sStart, sEnd] = sentenceAround(a.sentenceEnds, first.start);
  const offsite = a.cues.some((c) => c.kind === "offsite" && c.start >= sStart && c.start < sEnd);
  const inSentence = threads.filter((t) => t.mentions.some((m) => m.start >= sStart && m.start < sEnd));
  let shops: ShopThread[];
  if (inSentence.length) {
    // Several shops in the event's sentence: the one nearest the event words hosts it.
    const nearest = (t: ShopThread) => Math.min(...t.mentions.map((m) => Math.abs(m.start - first.start)));
    shops = [...inSentence].sort((x, y) => nearest(x) - nearest(y)).slice(0, 1);
  } else if (offsite || !threads.length) shops = [];
  else shops = threads.filter((t) => t.ranges.some((r) => first.start >= r.start && first.start < r.end)).slice(0, 1);

  // Every event word is one of FORMAT_ORDER's kinds.
  const format = FORMAT_ORDER.find(([kind]) => promoCues.some((c) => c.kind === kind))?.[1] ?? "other";
  const [host] = shops;
  let ranges: Range[];
  if (host) ranges = host.ranges;
  else {
    const nextShop = a.shops.find((m) => m.start > first.start);
    ranges = [{ start: sStart, end: nextShop ? nextShop.start : a.norm.length }];
  }
  return { format, cueStart: first.start, shops, ranges };
}
