/**
 * How supervisors ask for each report in English: the same table for the intent classifier (`asks`,
 * `team`) and the query reader (`asks` or `names`, first kind wins). How to add a report question:
 * see zh/parse/report-questions.ts.
 */
import type { ReportQuestions } from "../../../parse/locale.js";

export const reportQuestions: ReportQuestions = {
  kinds: [
    { kind: "export", asks: /\bexport\b/, names: /\bdownload\b|\bspreadsheet\b|\bexcel\b|\bxlsx\b/ },
    {
      kind: "not_reported",
      asks: /\bhasn't\b|\bhaven't\b.*\breport/,
      names:
        /\bhasnt\b|\bhaven'?t\b|\bnot (?:yet )?(?:reported|logged|checked in)\b|\bdidn'?t (?:report|log)\b|\bno reports?\b|\bmissing reports?\b|\bstill to report\b/,
    },
    { kind: "coverage", asks: /\bcover(?:age|ed)?\b/, names: /\bmissed (?:stores|shops)\b|\bnot visited\b/ },
    {
      kind: "stock_outs",
      asks: /\bwhich stores (?:are|were) (?:out|oos|low)\b|\b(?:which|what) stores (?:had|have|has)\b.*\b(?:oos|out|stock-?outs?)\b/,
      names: /\bout of stock\b|\bout of\b|\boos\b|\bstock-?outs?\b|\bsold out\b|\brun out\b|\bran out\b/,
    },
    {
      kind: "red_flags",
      asks: /\bred flags?\b|\bcompliance rate\b/,
      names: /\bcompliance\b|\bviolations?\b|\bforced\b|\btied sales?\b|\bpushed stock\b|\bissues?\b/,
    },
    {
      kind: "promotions",
      asks: /\bpromotions? (?:this|last|today)\b/,
      names: /\bpromotions?\b|\bpromos?\b|\btastings?\b|\bsampling\b|\bevents?\b|\bconsumers?\b|\bdemos?\b/,
    },
  ],
  team: /\bwho\b|\bteam\b|\banyone\b|\bany stores\b|\bhow many (?:stores|visits|calls)\b|\bstatus\b/,
  details: {
    names: /\bdetails?\b|\blist\b|\bbreakdown\b|\bwhich (?:stores|shops)\b|\bshow (?:me )?(?:the )?records\b/,
  },
  wholeTeam: /\bteam\b|\beveryone\b|\beverybody\b|\ball of us\b/,
  teamShort: null,
};
