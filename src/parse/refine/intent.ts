/**
 * What the message is for. A report names shops (or runs an event); a question about one
 * shop's history, the team or the sender's own plan is answered elsewhere; thanks and
 * chatter are "other".
 */
import type { Intent } from "../../domain/records.js";
import type { Analysis } from "./analysis.js";
import { EN_INTENT } from "../../locales/en/parse/intents.js";
import { ZH_INTENT } from "../../locales/zh/parse/intents.js";

export interface IntentSignals {
  hasPromotion: boolean;
  mentionsColleague: boolean;
}

const FACT_KINDS = new Set([
  "display", "price_check", "policy", "service", "stock_check", "order_act", "oos_back", "oos_fwd", "list_back", "list_fwd", "feedback", "visit_verb",
]);

export function classify(a: Analysis, s: IntentSignals): { intent: Intent; confidence: number } {
  const t = a.norm;
  const rules = a.lang === "zh" ? ZH_INTENT : EN_INTENT;
  const both = (k: keyof typeof ZH_INTENT) => ZH_INTENT[k].test(t) || EN_INTENT[k].test(t);
  const hasShop = a.shops.length > 0;
  const isQuestion = both("question") || both("request");
  const facts = a.cues.filter((c) => FACT_KINDS.has(c.kind)).length + a.amounts.length;

  if (both("help") && !hasShop) return { intent: "help", confidence: 0.9 };
  if (s.hasPromotion) return { intent: "promotion_note", confidence: 0.85 };
  // 老王家上次订了几条软中华: a vague amount in a question is what is asked, not a fact reported.
  const counts = a.amounts.filter((x) => x.qty !== null).length;
  if (hasShop && rules.retailerQuery.test(t) && (isQuestion || t.length <= 30) && !counts) {
    return { intent: "retailer_query", confidence: 0.8 };
  }
  // "who on the team hasn't visited Green Valley?": a question about the team that names a shop.
  const reported = a.cues.filter((c) => FACT_KINDS.has(c.kind) && c.kind !== "visit_verb").length + a.amounts.length;
  if (hasShop && isQuestion && !reported && both("status")) return { intent: "status_query", confidence: 0.7 };
  if (hasShop) return { intent: "visit_log", confidence: facts ? 0.95 : 0.75 };
  if (both("status") && (isQuestion || s.mentionsColleague)) return { intent: "status_query", confidence: 0.8 };
  if (s.mentionsColleague && isQuestion) return { intent: "status_query", confidence: 0.7 };
  if (both("plan") && (isQuestion || t.length <= 30)) return { intent: "plan_query", confidence: 0.8 };
  if (a.products.length && facts >= 2 && a.cues.some((c) => c.kind === "visit_verb")) return { intent: "visit_log", confidence: 0.5 };
  return { intent: "other", confidence: 0.6 };
}
