/**
 * Selling above the marked price, read from the two prices in the text:
 * 软中华卖到80一包 … 标价是60 / "charging 2.99 … the shelf tag says 2.49".
 */
import type { Span } from "../common/spans.js";

const ZH_SOLD_THEN_TAG =
  /(?:卖|售价|收)(?:到|的|了|成)?[^\d。；]{0,8}?(\d+(?:\.\d+)?)[^。；]{0,16}?(?:标价|标的|标着|价签上?写的)(?:是|为|才|写的)?\s*(\d+(?:\.\d+)?)/g;
const ZH_TAG_THEN_SOLD =
  /(?:标价|标的|标着|价签上?(?:写的?|标的|是))(?:是|为|才|写的)?\s*(\d+(?:\.\d+)?)[^。；]{0,16}?(?:卖|收|要价)(?:到|成|了)?\s*(\d+(?:\.\d+)?)/g;
const EN_SOLD_THEN_TAG =
  /\b(?:charging|charges|selling|sells?|rings? up|ringing up|rang up|ringing|rang|rings|priced? (?:it |them )?at)\b(?:[^.!?\d$]|\d+\s?(?:oz|pk|ct|ml|l)\b){0,30}?\$?(\d+(?:\.\d+)?)[^.!?]{0,50}?\b(?:tag|sticker|marked|posted|shelf price)\b[^.!?\d]{0,15}\$?(\d+(?:\.\d+)?)/g;

const EN_TAG_THEN_SOLD =
  /\b(?:tag(?:ged)?|marked|posted|shelf price)\b[^.!?\d$]{0,15}\$?(\d+(?:\.\d+)?)[^.!?]{0,30}?\b(?:ring(?:s|ing)?(?: up)?|rang(?: up)?|charging|charges|selling|sells?)\b[^.!?\d$]{0,10}\$?(\d+(?:\.\d+)?)/g;

export function findPriceOverTag(text: string): Span[] {
  const out: Span[] = [];
  for (const [re, soldFirst] of [
    [ZH_SOLD_THEN_TAG, true],
    [ZH_TAG_THEN_SOLD, false],
    [EN_SOLD_THEN_TAG, true],
    [EN_TAG_THEN_SOLD, false],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      const [sold, tag] = soldFirst ? [a, b] : [b, a];
      if (sold > tag) out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
