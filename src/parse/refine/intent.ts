/**
 * What the message is for. A report names shops (or runs an event); a question about one
 * shop's history, the team or the sender's own plan is answered elsewhere; thanks and
 * chatter are "other". Every language's phrases are tried (a question may mix them); the
 * shop-history words are the detected language's own.
 */
import type { Intent } from "../../domain/records.js";
import { type IntentPhrases, PARSE_LOCALES, type ReportQuestions } from "../locale.js";
import type { Analysis } from "./analysis.js";

export interface IntentSignals {
  hasPromotion: boolean;
  mentionsColleague: boolean;
}

/**
 * How sure each way of deciding is. SURE_ENOUGH (domain/confidence.ts, 0.6) is the line: below it
 * the model is asked (PARSE_MODE=hybrid) or the sender confirms; questions answered from 0.8 up
 * are not read again for a missed report (llm/unsure.ts).
 */
const CONFIDENCE = {
  /** 怎么用, "how do I": help words and no shop. */
  help: 0.9,
  /** An event (品鉴, "sampling") was run. */
  promotion: 0.85,
  /** A shop and a history word (上次, "last time") in a short message or a question. */
  shopHistory: 0.8,
  /** "who on the team hasn't visited Green Valley?": a team question naming a shop and reporting nothing. */
  teamQuestionNamingShop: 0.7,
  /** A shop and facts about it. */
  reportWithFacts: 0.95,
  /** A shop and nothing else we recognise: still most likely a report. */
  reportShopOnly: 0.75,
  /** A team question's own phrases (覆盖, 谁还没报, "red flags"). */
  teamQuestion: 0.8,
  /** A question naming a colleague (昨天志强跑了几家) and no report phrase. */
  colleagueQuestion: 0.7,
  /** 今天去哪几家, "what's on my route". */
  planQuestion: 0.8,
  /** Products and facts with a visit verb but no shop: a report that lost its shop, or not a report at all. */
  reportWithoutShop: 0.5,
  /** Nothing recognised: chatter, thanks. */
  other: 0.6,
} as const;

/** Without a question mark, a message this short with plan or history words is still a question (今天去哪几家). */
const SHORT_MESSAGE = 30;

const FACT_KINDS = new Set([
  "display",
  "price_check",
  "policy",
  "service",
  "stock_check",
  "order_act",
  "oos_back",
  "oos_fwd",
  "list_back",
  "list_fwd",
  "feedback",
  "visit_verb",
]);

/** Any language's phrases of this intent. */
const said = (t: string, k: keyof IntentPhrases) => PARSE_LOCALES.some((l) => l.intents[k].test(t));

/** A team question in any language: its team words, or the asking phrases of any report question or the details list. */
const asksAboutTeam = (t: string) => PARSE_LOCALES.some(({ reportQuestions: q }) => asksIn(q, t));
const asksIn = (q: ReportQuestions, t: string) =>
  q.team.test(t) || !!q.details.asks?.test(t) || q.kinds.some((k) => !!k.asks?.test(t));

export function classify(a: Analysis, s: IntentSignals): { intent: Intent; confidence: number } {
  const t = a.norm;
  const hasShop = a.shops.length > 0;
  const isQuestion = said(t, "question") || said(t, "request");
  const facts = a.cues.filter((c) => FACT_KINDS.has(c.kind)).length + a.amounts.length;
  const decide = (intent: Intent, how: keyof typeof CONFIDENCE) => ({ intent, confidence: CONFIDENCE[how] });

  if (said(t, "help") && !hasShop) return decide("help", "help");
  if (s.hasPromotion) return decide("promotion_note", "promotion");
  // 老王家上次订了几条软中华: a vague amount in a question is what is asked, not a fact reported.
  const counts = a.amounts.filter((x) => x.qty !== null).length;
  // 王记 老板问促销活动做了几次: the owner's question, reported, is a visit ("When did I last visit
  // Little Saigon? The owner says…" asks first)
  const historyAt = a.locale.intents.retailerQuery.exec(t)?.index ?? -1;
  const ownersQuestion = a.cues.some((c) => c.kind === "feedback" && c.start < historyAt);
  const asksHistory = historyAt >= 0 && (isQuestion || t.length <= SHORT_MESSAGE);
  if (hasShop && asksHistory && !counts && !ownersQuestion) {
    return decide("retailer_query", "shopHistory");
  }
  // Tested last: some team phrases scan the rest of the line (断货.*哪些), and a long report never needs them.
  const reported = a.cues.filter((c) => FACT_KINDS.has(c.kind) && c.kind !== "visit_verb").length + a.amounts.length;
  if (hasShop && isQuestion && !reported && asksAboutTeam(t)) return decide("status_query", "teamQuestionNamingShop");
  if (hasShop) return decide("visit_log", facts ? "reportWithFacts" : "reportShopOnly");
  if ((isQuestion || s.mentionsColleague) && asksAboutTeam(t)) return decide("status_query", "teamQuestion");
  if (s.mentionsColleague && isQuestion) return decide("status_query", "colleagueQuestion");
  if (said(t, "plan") && (isQuestion || t.length <= SHORT_MESSAGE)) return decide("plan_query", "planQuestion");
  if (a.products.length && facts >= 2 && a.cues.some((c) => c.kind === "visit_verb"))
    return decide("visit_log", "reportWithoutShop");
  return decide("other", "other");
}
