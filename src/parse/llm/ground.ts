/**
 * Grounding the model's answer: it becomes the parser's rich drafts only through what the roster
 * and the message support. A shop id that was not offered (invented, or another team's shop) leaves
 * the record without a shop and with an issue, so the bot asks the manager; an unknown SKU, a
 * quantity or head count not written in the text, or a date no date word in the text can mean is
 * dropped and reported. The owner of the records is not in the answer at all: it is the sender.
 */
import {
  type FormatPromotion,
  type FormatRecord,
  type FormatStockLine,
  type FormatVisit,
  type Intent,
  isReportIntent,
} from "../../domain/records.js";
import { normalizeText } from "../common/normalize.js";
import type {
  Fact,
  ParseIssue,
  ParseResult,
  PromotionDraft,
  QuantityLine,
  RecordDraft,
  RetailerRef,
  SkuFact,
  TextSpan,
  VisitDraft,
} from "../types.js";
import type { Candidates, ModelProduct, ModelShop } from "./candidates.js";
import { markModel } from "./provenance.js";
import type { TextEvidence } from "./text-evidence.js";

/** Grounded model facts are trusted enough to store without a yes/no: above SURE_ENOUGH, below what the rules are sure of. */
const MODEL_CONFIDENCE = 0.7;
/** A shop the model could not tell apart stays a question: below SURE_ENOUGH (0.6), so the bot asks which one. */
const AMBIGUOUS_CONFIDENCE = 0.5;

type DropReason = "unknown_shop" | "unknown_sku" | "unsupported_number" | "unsupported_unit" | "unsupported_date";

interface Drop {
  record: number;
  fact: string;
  value: unknown;
  reason: DropReason;
}

export interface GroundedAnswer {
  intent: Fact<Intent>;
  records: RecordDraft[];
  drops: Drop[];
}

export interface GroundingContext {
  rules: ParseResult;
  candidates: Candidates;
  evidence: TextEvidence;
}

const EMPTY_SPAN: TextSpan = { start: 0, end: 0, text: "" };

/** Where one of these names is written in the text, longest name first. */
function spanOf(text: string, names: string[]): TextSpan | null {
  const norm = normalizeText(text);
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const key = normalizeText(name).trim();
    const at = key ? norm.indexOf(key) : -1;
    if (at >= 0) return { start: at, end: at + key.length, text: text.slice(at, at + key.length) };
  }
  return null;
}

export function groundAnswer(
  answer: { intent: Intent; records: FormatRecord[] },
  ctx: GroundingContext,
): GroundedAnswer {
  const { rules, candidates, evidence } = ctx;
  const shops = new Map(candidates.shops.map((s) => [s.id, s]));
  const products = new Map(candidates.products.map((p) => [p.sku, p]));
  const drops: Drop[] = [];
  const fact = <T>(value: T, source: "said" | "implied" = "said"): Fact<T> =>
    markModel({ value, confidence: MODEL_CONFIDENCE, source });

  /** The offered shop of an id; an id that was not offered is dropped with `fact` named. */
  const offeredShop =
    (record: number, fact: string) =>
    (id: string): ModelShop[] => {
      const shop = shops.get(id);
      if (shop) return [shop];
      drops.push({ record, fact, value: id, reason: "unknown_shop" });
      return [];
    };
  const shopMention = (shop: ModelShop): TextSpan => {
    const ruleMention = rules.shops.find((m) => m.id === shop.id || m.candidates.some((c) => c.id === shop.id));
    return (
      ruleMention?.mention ?? spanOf(rules.text, [shop.name, ...shop.aliases]) ?? { ...EMPTY_SPAN, text: shop.name }
    );
  };
  const shopRef = (shop: ModelShop): RetailerRef =>
    markModel<RetailerRef>({
      id: shop.id,
      name: shop.name,
      mention: shopMention(shop),
      candidates: [{ id: shop.id, name: shop.name }],
      confidence: MODEL_CONFIDENCE,
      source: "said",
      via: "context",
    });
  const productSpan = (p: ModelProduct): TextSpan => {
    const ruleMention = rules.products.find((m) => m.candidates.some((c) => c.sku === p.sku));
    return ruleMention?.mention ?? spanOf(rules.text, [p.name, ...p.aliases]) ?? { ...EMPTY_SPAN, text: p.name };
  };
  /** The offered product of a SKU; a SKU that was not offered is dropped. */
  const knownSku =
    (record: number, what: string) =>
    (sku: string): ModelProduct[] => {
      const product = products.get(sku);
      if (product) return [product];
      drops.push({ record, fact: `${what}:${sku}`, value: sku, reason: "unknown_sku" });
      return [];
    };
  const skuFact = (p: ModelProduct): SkuFact =>
    markModel({ sku: p.sku, confidence: MODEL_CONFIDENCE, source: "said", span: productSpan(p) });
  const day = (record: number, what: string, value: string): boolean => {
    if (evidence.days.has(value)) return true;
    drops.push({ record, fact: what, value, reason: "unsupported_date" });
    return false;
  };
  const lines = (record: number, what: string, list: FormatStockLine[], issues: ParseIssue[]): QuantityLine[] =>
    list
      .flatMap((l) => knownSku(record, what)(l.sku).map((p) => ({ l, p })))
      .flatMap(({ l, p }) => {
        if (l.qty !== null && !evidence.numbers.has(l.qty)) {
          drops.push({ record, fact: `${what}:${l.sku}`, value: l.qty, reason: "unsupported_number" });
          return [];
        }
        let unit = l.qty === null ? null : l.unit;
        if (unit !== null && !evidence.units.has(unit)) {
          // The amount is real but its unit was guessed: keep the amount and ask for the unit.
          drops.push({ record, fact: `${what}:${l.sku}:unit`, value: unit, reason: "unsupported_unit" });
          unit = null;
        }
        const product = productSpan(p);
        const amount = { ...EMPTY_SPAN, text: l.qty === null ? "" : String(l.qty) };
        if (l.qty !== null && unit === null)
          issues.push({ kind: "missing_unit", sku: l.sku, qty: l.qty, mention: amount.text ? amount : product });
        return [
          markModel({
            sku: l.sku,
            qty: l.qty,
            unit,
            confidence: MODEL_CONFIDENCE,
            source: "said" as const,
            product,
            amount,
          }),
        ];
      });

  const rulesFeedbackFor = (shop: string | null): string | null => {
    const said = rules.records.find(
      (x): x is VisitDraft => x.type === "visit" && !!x.feedbackText && (x.retailer?.id ?? null) === shop,
    );
    return said?.feedbackText ?? null;
  };

  function visit(r: FormatVisit, i: number): VisitDraft {
    const issues: ParseIssue[] = [];
    let retailer: RetailerRef | null = null;
    const [shop] = r.retailer === null ? [] : offeredShop(i, "retailer")(r.retailer);
    if (shop) retailer = shopRef(shop);
    else if (r.retailer !== null) {
      // Ask about the shop the rules could not place, if there is one; else ask which shop it was.
      const unplaced = rules.shops.find((m) => m.id === null && m.candidates.length === 0);
      if (unplaced) {
        retailer = markModel<RetailerRef>({
          id: null,
          name: null,
          mention: unplaced.mention,
          candidates: [],
          confidence: 0,
          source: "said",
          via: unplaced.via,
        });
        issues.push({ kind: "unknown_retailer", mention: unplaced.mention });
      } else issues.push({ kind: "missing_retailer", mention: null });
    } else {
      const offered = (r.ambiguous ?? []).flatMap((id) => shops.get(id) ?? []);
      const [lead, ...others] = offered;
      if (lead && others.length) {
        const mention = shopMention(lead);
        const choices = offered.map((s) => ({ id: s.id, name: s.name }));
        retailer = markModel<RetailerRef>({
          id: null,
          name: null,
          mention,
          candidates: choices,
          confidence: AMBIGUOUS_CONFIDENCE,
          source: "said",
          via: "context",
        });
        issues.push({ kind: "ambiguous_retailer", mention, candidates: choices });
      } else issues.push({ kind: "missing_retailer", mention: null });
    }
    const date = day(i, "date", r.date)
      ? fact(r.date, r.date === rules.today ? "implied" : "said")
      : fact(rules.today, "implied");
    const followUp =
      r.followUp === null
        ? null
        : r.followUp === "unspecified" || day(i, "followUp", r.followUp)
          ? fact(r.followUp)
          : null;
    return {
      type: "visit",
      retailer,
      date,
      activities: [...new Set(r.activities)].map((a) => fact(a, "implied")),
      stock: lines(i, "stock", r.stock, issues),
      outOfStock: r.outOfStock.flatMap(knownSku(i, "outOfStock")).map(skuFact),
      listed: r.listed.flatMap(knownSku(i, "listed")).map(skuFact),
      orders: lines(i, "order", r.orders, issues),
      followUp,
      feedback: fact(r.feedback, "implied"),
      // The model answers yes or no; the owner's words are the ones the rules found for that shop.
      feedbackText: r.feedback ? rulesFeedbackFor(retailer?.id ?? null) : null,
      compliance: fact(r.compliance, "implied"),
      issues,
    };
  }

  function promotion(r: FormatPromotion, i: number): PromotionDraft {
    const issues: ParseIssue[] = [];
    const retailers = r.retailers.flatMap(offeredShop(i, "retailer"));
    const count = (what: string, n: number | null, ok: (n: number) => boolean): number | null => {
      if (n === null || ok(n)) return n;
      drops.push({ record: i, fact: what, value: n, reason: "unsupported_number" });
      return null;
    };
    return {
      type: "promotion",
      retailers: retailers.map(shopRef),
      date: day(i, "date", r.date)
        ? fact(r.date, r.date === rules.today ? "implied" : "said")
        : fact(rules.today, "implied"),
      skus: r.skus.flatMap(knownSku(i, "sku")).map(skuFact),
      format: fact(r.format, "implied"),
      consumers: fact(count("consumers", r.consumers, (n) => evidence.numbers.has(n))),
      durationMinutes: fact(
        count(
          "durationMinutes",
          r.durationMinutes,
          (n) => evidence.minutes.has(n) || evidence.numbers.has(n) || evidence.numbers.has(n / 60),
        ),
      ),
      sales: lines(i, "sale", r.sales, issues),
      issues,
    };
  }

  const intent = fact(answer.intent, "implied");
  const records = isReportIntent(answer.intent)
    ? answer.records.map((r, i) => (r.type === "visit" ? visit(r, i) : promotion(r, i)))
    : [];
  return { intent, records, drops };
}
