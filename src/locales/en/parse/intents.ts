/** English phrasings of the intents other than reports; team questions are read from report-questions.ts. */
import type { IntentPhrases } from "../../../parse/locale.js";

export const intents: IntentPhrases = {
  help: /\bhelp\b|\bremind me\b|\b(?:can|could|does|will) (?:the bot|this bot|the app|this app|this thing) \w+|\bvoice (?:note|message|memo)s?\b|\bcan i (?:send|use|text|just|log|report)\b|\bhow do i\b|\bwhat do i do (?:if|when|with|about)\b|\bhow to use\b|\bwhat can you\b|\bcan i just\b|\bhow does this\b|\bwhat do you do\b|\bcommands\b/,
  retailerQuery:
    /\b(?:did|has|have) (?:anyone|anybody|someone|we|i|you|[a-z]+) (?:visit|visited|see|seen|go|gone|been|stop)\b|\blast time\b|\blast (?:see|seen|visit|visited|time|stop)\b|\bwhen did\b|\bhistory\b|\bhow (?:much|many) did\b|\bwhat did .* order\b|\blast order\b|\bwhen was (?:i|we|anyone|someone) (?:last )?(?:at|in|by)\b|\bhow(?:'s| is| are things at) .{1,30}(?:doing|going)?\?|\bhow(?:'s| is| has)\s+.{1,30}\s+(?:been\s+)?(?:doing|going)\b(?:\s+(?:lately|recently|these days))?\s*\??\s*$/,
  request:
    /\b(?:can|could|would) you (?:send|show|give|pull|get)\b|\b(?:send|show|give) me\b|\bexport\b|\bstatus\b|\bsummary\b|\breport on\b/,
  plan: /\broute\b|\bhitting today\b|\bstores? (?:am i|do i|should i)\b|\bmy stores\b|\bwhere to\b|\bplan\b|\bleft (?:this|today)\b|\bstill have\b|\bwhere (?:am i|do i|should i)\b|\bschedule\b|\bwhich stores\b|\bmy stops\b|\bmy list\b|\bleft on my\b|^\s*what'?s on (?:today|tmrw|tmr|tomorrow|for (?:today|tomorrow))\b/,
  question: /\?|\b(?:what|whats|what's|which|who|when|how|any|where)\b/,
};
