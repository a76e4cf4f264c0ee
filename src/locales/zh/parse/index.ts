/** Everything the parser reads Chinese with (the ParseLocale contract: parse/locale.ts). */
import type { ParseLocale } from "../../../parse/locale.js";
import { ZH_CUES } from "./cues.js";
import { feedbackWords } from "./feedback-words.js";
import { eventDay, followUpReach, lines, wishReach } from "./grammar.js";
import { intents } from "./intents.js";
import { names } from "./names.js";
import { reportQuestions } from "./report-questions.js";
import { notVisited } from "./shop-words.js";

export const parse: ParseLocale = {
  lang: "zh",
  cues: ZH_CUES,
  intents,
  reportQuestions,
  followUpReach,
  lines,
  names,
  notVisited,
  eventDay,
  feedback: feedbackWords,
  wishReach,
  prompt: { none: "（无）", language: "中文 (zh)" },
};
