/**
 * Cues: short words and phrases that signal one kind of fact (断货 a stock-out, 理货 display
 * work, 再去 a follow-up). Each locale keeps a table of them; this module only finds them.
 */
import type { Lang } from "../../domain/roster.js";

const CUE_KINDS = [
  // activities
  "display",
  "price_check",
  "policy",
  "service",
  "stock_check",
  "order_act",
  // stock-outs and listings, by the side their products stand on
  "oos_back",
  "oos_fwd",
  "not_oos",
  "list_back",
  "list_fwd",
  // what the next amount means
  "mode_stock",
  "mode_order",
  "mode_sale",
  "mode_skip",
  "each",
  "vague_back",
  "vague_fwd",
  // owner and rules
  "feedback",
  "opinion",
  "compliance",
  "compliance_neg",
  // dates
  "follow",
  "follow_vague",
  "follow_then",
  "visit_verb",
  // nothing happened on the visit: the shop was closed, nothing to report
  "quiet",
  // promotions
  "promo_tasting",
  "promo_in_store",
  "promo_demo",
  "promo_circle",
  "promo_gift",
  "promo_discount",
  "promo_display",
  "promo_other",
  "offsite",
  "price",
  "past",
  // an event only wished for, planned, or someone else's ("老板想搞个买赠", "asked if we can do a
  // BOGO", "gonna do his own endcap", "pepsi put up an end cap")
  "wish",
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export type CueTable = Partial<Record<CueKind, RegExp>>;

export interface Cue {
  kind: CueKind;
  start: number;
  end: number;
  /** The language whose table the cue comes from. */
  lang: Lang;
}

/** All cues of every language's table in normalised text, sorted by position. */
export function findCues(text: string, tables: readonly { lang: Lang; cues: CueTable }[]): Cue[] {
  const cues: Cue[] = [];
  for (const { lang, cues: table } of tables) {
    for (const kind of CUE_KINDS) {
      const re = table[kind];
      if (!re) continue;
      for (const m of text.matchAll(re)) {
        if (!m[0]) continue;
        cues.push({ kind, start: m.index, end: m.index + m[0].length, lang });
      }
    }
  }
  return cues.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Builds a global regex from alternatives; keeps the tables readable as word lists. */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join("|"), "g");
}
