/** How an English reply picks, confirms, skips, names a unit or corrects a record. */
import type { ReplyPhrases } from "../../phrases.js";

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  last: -1,
};
const PICK =
  /^(?:(?:it'?s|i pick|pick|option|number|choose|the)\s+)*(?:#\s*)?(?:(\d{1,2})(?:st|nd|rd|th)?|([a-z]+))(?:\s+(?:one|option|shop|store))?$/;

export const replies: ReplyPhrases = {
  ordinal(text) {
    const m = PICK.exec(text);
    if (!m) return null;
    if (m[1]) return Number(m[1]);
    return m[2] ? (ORDINALS[m[2]] ?? null) : null;
  },
  skip: /^(skip|ignore|none|neither|none of (them|these))[.!]?$/i,
  cancel: /^(cancel|never ?mind|forget it|stop|undo)[.!]?$/i,
  yes: /^(ok|okay|yes|yep|correct|right|save)/i,
  no: /^(no|nope|wrong)/i,
  units: [
    [/^(carton|cartons|ctn)$/i, "carton"],
    [/^(pack|packs|pk|box)$/i, "pack"],
    [/^(case|cases|cs)$/i, "case"],
    [/^(bottle|bottles|can|cans|unit|units|single|singles)$/i, "unit"],
  ],
  unitAfterNumber: "cartons?|packs?|cases?|cs|bottles?|cans?|units?",
  undo: /^(undo|(delete|remove|scratch|drop)( that| it| this| the last( one)?| (that|this|the last) (one|record|visit|entry))?)[.!]?$|^undo\b/i,
  edit: /^(edit|change)$/i,
  remove: /^(remove|delete|drop|scratch|strike|cross off|take (off|out))\b|^take\b.{1,40}\b(off|out of)\b/i,
  factLists: [
    [/out of stock|\boos\b|sold out|\bout\b/i, "outOfStock"],
    [/\bstock\b|on hand|\bleft\b/i, "stock"],
    [/listed|listing|new item/i, "listed"],
    [/\border/i, "orders"],
    [/\bsales\b|\bsold\b/i, "sales"],
    [/follow[- ]?up|\bback\b/i, "followUp"],
  ],
  amend:
    /^(wait[,.!]?\s*)?(no|nope|not|wrong|actually|correction|make it|change it|fix|follow[- ]?up|back|that was|it was|should be|i meant)\b/i,
  plainlyAmends: /^(wait[,.!]?\s*)?(wrong|correction|make it|change it|fix|that was|it was|should be|i meant)\b/i,
  followUp: /follow[- ]?up|back|return|swing by|come by|visit again/i,
  headcount:
    /(\d+)\s*(?:people|persons|consumers|attendees|adults|smokers|visitors|folks)\b|(?:consumers|people|attendance|headcount|reached)\D{0,6}?(\d+)(?![\d.]|\s*(?:cases?|packs?|cartons?|bottles?|cans?|units?|min|hours?))/i,
  durations: [
    [/(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\b/i, 60],
    [/(\d+)\s*(?:minutes?|mins?)\b/i, 1],
  ],
  secondVisit:
    /went back|back again|second (visit|stop|time)|stopped (by|in) again|again (today|this (afternoon|evening))|another visit/i,
  asks: /\?\s*$|^(when|what|how|which|who|where)\b|^(did|do|does|have|has|was|were|is|are)\s+(i|we|you|anyone|they)\b/i,
};
