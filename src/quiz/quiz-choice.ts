/**
 * Is a message an answer to a quiz question? "C", "c", "选C", "答案是C", "我选 c 吧", "I pick B",
 * "answer: d", "Ｃ" (full-width). Anything longer or vaguer is left to the rest of the bot.
 */
import { EN_QUIZ_ANSWER } from "../locales/en/parse/quiz-answer.js";
import { ZH_QUIZ_ANSWER } from "../locales/zh/parse/quiz-answer.js";

export const QUIZ_LETTERS = ["A", "B", "C", "D"] as const;
export type QuizLetter = (typeof QUIZ_LETTERS)[number];

/** Every language's answer phrasing; each captures the letter as group 1. */
const ANSWER_PHRASES: RegExp[] = [ZH_QUIZ_ANSWER, EN_QUIZ_ANSWER];
/** Longer than this is a sentence about something else, even if it ends in a letter. */
const MAX_ANSWER_CHARS = 24;

export function parseQuizChoice(text: string): QuizLetter | null {
  const t = text.normalize("NFKC").trim();
  if (t.length === 0 || t.length > MAX_ANSWER_CHARS) return null;
  for (const pattern of ANSWER_PHRASES) {
    const letter = pattern.exec(t)?.[1]?.toUpperCase();
    if (letter) return letter as QuizLetter;
  }
  return null;
}
