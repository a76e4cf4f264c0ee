/**
 * The offline rule-based parser: one message + its sender + `now` → intent and grounded
 * visit/promotion records. `createParser` builds the roster indexes once; `parse` is then
 * a pipeline of extractors (analysis), refiners (segments, lines, dating, promotion) and
 * grounding, with no I/O.
 */

import { dayOfStamp } from "../domain/calendar.js";
import { isReportIntent } from "../domain/records.js";
import type { Roster } from "../domain/roster.js";
import { PeopleNames } from "./extract/people.js";
import { ProductCatalog } from "./grounding/product-catalog.js";
import { ShopDirectory } from "./grounding/shop-directory.js";
import { analyse } from "./refine/analysis.js";
import type { Grounding } from "./refine/grounding.js";
import { classify } from "./refine/intent.js";
import { assemble, detectPromotion } from "./refine/records.js";
import type { ParseInput, ParseResult, ProductMention, ShopMention } from "./types.js";

export * from "../domain/records.js";
export { candidateProducts } from "./candidates.js";
export { toFormat } from "./to-format.js";
export type * from "./types.js";

export interface Parser {
  parse(input: ParseInput): ParseResult;
}

export function createParser(roster: Roster): Parser {
  const g: Grounding = {
    shops: new ShopDirectory(roster),
    catalog: new ProductCatalog(roster),
    people: new PeopleNames(roster.people),
  };
  return {
    parse(input: ParseInput): ParseResult {
      const today = dayOfStamp(input.now);
      const a = analyse(input.text, input.senderId, today, g.shops, g.catalog, (w) => g.people.isName(w));
      const { threads, site } = detectPromotion(a);
      const intent = classify(a, { hasPromotion: !!site, mentionsColleague: g.people.mentioned(a.norm) });
      const records = isReportIntent(intent.intent) ? assemble(a, g, threads, site) : [];
      // Shops the roster does not hold stay out of the mentions (no id, no candidates): their records carry unknown_retailer.
      const shops: ShopMention[] = a.shops
        .filter((m) => m.shops.length)
        .map((m) => ({
          id: m.resolved === null ? null : g.shops.retailer(m.resolved).id,
          name: m.resolved === null ? null : g.shops.retailer(m.resolved).name,
          mention: { start: m.start, end: m.end, text: input.text.slice(m.start, m.end) },
          candidates: (m.resolved === null ? m.shops : [m.resolved]).map((i) => g.shops.candidate(i)),
          confidence: g.shops.confidence(m),
          source: "said",
          via: m.via,
        }));
      const products: ProductMention[] = a.products.map((p) => ({
        mention: { start: p.start, end: p.end, text: input.text.slice(p.start, p.end) },
        candidates: p.products.map((i) => ({ sku: g.catalog.product(i).sku, name: g.catalog.product(i).name })),
        confidence: g.catalog.confidence(p),
        via: p.via,
      }));
      return {
        text: input.text,
        lang: a.lang,
        senderId: input.senderId,
        today,
        intent: { value: intent.intent, confidence: intent.confidence, source: "implied" },
        records,
        shops,
        products,
        issues: [],
      };
    },
  };
}
