/**
 * The parser's rich result. Richer than FORMAT.md: every fact says how sure we are and
 * whether the text said it or we implied it (chrono's assign vs imply), mentions keep
 * their text spans, and records carry the questions the bot must ask instead of guessing.
 */

import type { Activity, Intent, PromotionFormat, TextReading, Unit } from "../domain/records.js";
import type { Lang } from "../domain/roster.js";

type Source = "said" | "implied";

/** A piece of the original message: offsets into `ParseInput.text`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Fact<T> {
  value: T;
  /** 0..1 */
  confidence: number;
  source: Source;
  span?: TextSpan;
}

export interface ParseInput {
  text: string;
  senderId: string;
  /** ISO 8601 with offset, in the sender's zone, e.g. 2026-11-25T17:40:00+08:00 */
  now: string;
}

export interface ShopCandidate {
  id: string;
  name: string;
}

/** How a mention matched a roster entry; the weaker ways lower the confidence. */
export type MatchVia = "name" | "alias" | "short" | "chain_street" | "chain" | "homophone" | "fuzzy" | "context";

export interface RetailerRef {
  /** The resolved retailer id, or null when it could not be told apart or is unknown. */
  id: string | null;
  name: string | null;
  mention: TextSpan;
  /** Plausible shops for this mention (several when ambiguous; the one when resolved). */
  candidates: ShopCandidate[];
  confidence: number;
  source: Source;
  via: MatchVia;
}

export interface QuantityLine {
  sku: string;
  qty: number | null;
  unit: Unit | null;
  confidence: number;
  source: Source;
  /** The product mention and the amount as written. */
  product: TextSpan;
  amount: TextSpan;
}

export interface SkuFact {
  sku: string;
  confidence: number;
  source: Source;
  span: TextSpan;
}

export type ParseIssue =
  | { kind: "ambiguous_retailer"; mention: TextSpan; candidates: ShopCandidate[] }
  | { kind: "unknown_retailer"; mention: TextSpan }
  /** `count`: from the name to the amount it seemed to count (大重九5条), left out with the name if the sender says so. */
  | { kind: "unknown_product"; mention: TextSpan; count?: TextSpan }
  | { kind: "uncertain_product"; mention: TextSpan; candidates: { sku: string; name: string }[] }
  | {
      kind: "missing_unit";
      sku: string | null;
      qty: number;
      mention: TextSpan;
      /** The product's category (tobacco, beverage…): the units offered must fit it. */
      category?: string;
    }
  /**
   * A part of the message no extracted fact explains (a number, a product- or shop-like word), or
   * an amount two readings fit ("走了8条": sold or still there?). `readings` are the ones the text
   * supports, empty when none; the bot asks one short question quoting `mention`. `amount` is the
   * count within it ("8条") and `counted` the product it counts, which a picked reading is put back with.
   */
  | { kind: "unclear_text"; mention: TextSpan; readings: TextReading[]; amount?: TextSpan; counted?: TextSpan }
  | { kind: "missing_retailer"; mention: null };

export interface VisitDraft {
  type: "visit";
  retailer: RetailerRef | null;
  date: Fact<string>;
  activities: Fact<Activity>[];
  stock: QuantityLine[];
  outOfStock: SkuFact[];
  listed: SkuFact[];
  orders: QuantityLine[];
  followUp: Fact<string> | null;
  feedback: Fact<boolean>;
  /**
   * The owner's feedback in their own words: the clause(s) of the message that carried it, without
   * the shop's name and leading connectives («老板说利群最近走得快 让多给他分点货源»). What a receipt
   * shows and what is stored as the feedback's text. Null when no feedback was heard, and when only
   * a model heard it and no clause of the message carries a feedback word.
   */
  feedbackText: string | null;
  compliance: Fact<boolean>;
  /** The text says nothing happened there (关门了, 没啥事, "all good"): a visit with no facts is what was meant. */
  quiet?: boolean;
  issues: ParseIssue[];
}

export interface PromotionDraft {
  type: "promotion";
  retailers: RetailerRef[];
  date: Fact<string>;
  skus: SkuFact[];
  format: Fact<PromotionFormat>;
  consumers: Fact<number | null>;
  durationMinutes: Fact<number | null>;
  sales: QuantityLine[];
  issues: ParseIssue[];
}

export type RecordDraft = VisitDraft | PromotionDraft;

/** A shop mention found in the text, grounded against the roster. */
export interface ShopMention extends RetailerRef {}

/** A product mention; `candidates` has several entries when a brand alone was named. */
export interface ProductMention {
  mention: TextSpan;
  candidates: { sku: string; name: string }[];
  confidence: number;
  via: MatchVia;
}

export interface ParseResult {
  text: string;
  lang: Lang;
  senderId: string;
  /** The day of `now` in the sender's zone (YYYY-MM-DD). */
  today: string;
  intent: Fact<Intent>;
  records: RecordDraft[];
  /** Every shop and product mention, in text order, for the conversation layer and an LLM prompt. */
  shops: ShopMention[];
  products: ProductMention[];
  /** Message-level questions (e.g. a report with no recognisable shop). */
  issues: ParseIssue[];
}
