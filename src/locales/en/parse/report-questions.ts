/** How supervisors ask for each report in English. Order matters: the first kind that matches wins. */
import type { ReportKind } from "../../../reports/query/query-types.js";

export const EN_REPORTS: [ReportKind, RegExp][] = [
  ["export", /\bexport\b|\bdownload\b|\bspreadsheet\b|\bexcel\b|\bxlsx\b/],
  ["not_reported", /\bhasn'?t\b|\bhaven'?t\b|\bnot (?:yet )?(?:reported|logged|checked in)\b|\bdidn'?t (?:report|log)\b|\bno reports?\b|\bmissing reports?\b|\bstill to report\b/],
  ["coverage", /\bcover(?:age|ed)?\b|\bmissed (?:stores|shops)\b|\bnot visited\b/],
  ["stock_outs", /\bout of stock\b|\bout of\b|\boos\b|\bstock-?outs?\b|\bsold out\b|\brun out\b|\bran out\b/],
  ["red_flags", /\bred flags?\b|\bcompliance\b|\bviolations?\b|\bforced\b|\btied sales?\b|\bpushed stock\b|\bissues?\b/],
  ["promotions", /\bpromotions?\b|\bpromos?\b|\btastings?\b|\bsampling\b|\bevents?\b|\bconsumers?\b|\bdemos?\b/],
];

export const EN_DETAILS = /\bdetails?\b|\blist\b|\bbreakdown\b|\bwhich (?:stores|shops)\b|\bshow (?:me )?(?:the )?records\b/;

export const EN_WHOLE_TEAM = /\bteam\b|\beveryone\b|\beverybody\b|\ball of us\b/;

/** A question or request rather than a statement (for telling a status question from chatter). */
export const EN_ASKING = /\?|\b(?:what|which|who|how|any|show|list|summary|status|details?|export|give me|send me)\b/;
