/** Where English reports put the parts of a fact, as the parser's refiners need to know. */
import type { EventDay, FollowUpReach, LineGrammar } from "../../../parse/locale.js";

/**
 * "will be back Tuesday", "check back in 2 weeks": the day usually follows the verb, and English
 * spells its words out, so both sides reach 25 characters; after is looked at first.
 */
export const followUpReach: FollowUpReach = {
  first: "after",
  before: 25,
  after: 25,
  everyShop: /\b(?:both|all of them|all three|all 3|each of them|them all)\b/,
};

export const lines: LineGrammar = {
  // "3 cases of Coke Zero", "2 cs the Fanta"
  amountThenProduct: /^\s*(?:of\s+)?(?:the\s+)?$/,
  // "2 cases + 6 bottles of Coke Zero", "2 cs and 6 btl"
  amountJoin: /^\s*(?:\+|&|and|plus)\s*$/,
  // "Dr Pepper 3 cases" is rare next to "3 cases of Dr Pepper": a product after the amount comes first
  nameBeforeAmount: false,
  amountGluedToProduct: false,
  // "pulled expired Gatorade, 3 cs Powerade in back"
  amountLeadsAfterComma: true,
  // "5 cs Sprite 12pk ordered", "Monster 2 cases each sold", "dasani 10 cs (ordered)"
  verbAfterLine: /^\s*[([-]?\s*(?:each\s+|apiece\s+)?(?:on\s+)?$/,
  orderClosingClause: null,
  countFiller:
    /^(?:\s|[:,=+&~-]|x|about|around|approx\.?|approximately|roughly|just|only|like|maybe|is|are|was|were|at|and|plus|with|also|another|then)*$/,
  countVerbReach: 16,
  unsureSale: null,
  listingOrder: null,
  deniedCount: /\b(?:not|isn't|wasn't|instead of)\s+$/,
  noneAfter: null,
  clauseBreak: /[,;:(]/,
  clauseReach: 24,
  numberFiller:
    /\d\s*(?:%|am\b|pm\b|:\d|th\b|st\b|nd\b|rd\b|min|hr|hour|mile|mi\b|ft\b|yr|year|day|week|people|ppl|l\b|liter|oz|ml|pk|\$)|[$#]\s*\d|\b(?:aisle|door|bay|shelf|register|lane|dock)\s*\d|\d{5,}|\d{3}[-.]\d{3}[-.]\d{4}|[:.]\d|(?:actually|i mean|make (?:that|it)|correction:?|no wait|scratch that)[,:\s]*\d|\d+\s*(?:doors?|facings?|shelves|slots?)\b|\d+\s+(?:more\s+)?(?:stops?|stores?|visits?|accounts?|calls?)\b|\d+\s+more\s+(?:from|i|that|for|to)\b|\b(?:not|instead of)\s+\d|\d+\s*(?:sampl|cup|flyer|coupon|shot)|\b(?:buy|get)[- ]\d/i,
};

/** "asked if we can do a BOGO": a wish counts within 40 characters before the event word. */
export const wishReach = 40;

/**
 * "coke zero got delivered yesterday", "last order was Friday", "OOS since Monday", "yesterday's
 * truck": the date says when the goods came or ran out, not when the rep was there.
 */
export const eventDay: EventDay = {
  after: /^\s*(?:'s\s+)?(?:delivery|deliveries|truck|shipment|drop)\b/,
  before:
    /\b(?:deliver(?:ed|y|ies)|came in|come in|arrived|arrival|shipment|truck (?:came|was|came in)|order (?:was|came|came in|went in|arrived)|ran out|sold out|went out|out since|oos since|since|dropped off)\s+(?:(?:on|last|this|was)\s+)*$/,
};
