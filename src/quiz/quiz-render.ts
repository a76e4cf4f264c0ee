/** A quiz question and its verdict as chat text, in the reader's language. */
import type { Reply } from "../domain/messages.js";
import type { QuizQuestion } from "../generated/prisma/client.js";
import type { Messages } from "../locales/index.js";
import { QUIZ_LETTERS, type QuizLetter } from "./quiz-choice.js";

function optionText(q: QuizQuestion, letter: QuizLetter): string {
  return { A: q.optionA, B: q.optionB, C: q.optionC, D: q.optionD }[letter];
}

/** Letters, not numbered choices: the answer is typed back as "C" / "选C" on every channel. */
export function renderQuestion(q: QuizQuestion, t: Messages): Reply[] {
  const options = QUIZ_LETTERS.map((l) => `${l}. ${optionText(q, l)}`);
  return [{ kind: "text", text: t.quiz.question(q.question, options) }];
}

export function renderVerdict(q: QuizQuestion, chosen: QuizLetter, t: Messages): Reply[] {
  const right = q.answer as QuizLetter;
  const option = optionText(q, right);
  const lines = [chosen === right ? t.quiz.correct(right, option) : t.quiz.wrong(chosen, right, option)];
  if (q.explanation) lines.push(t.quiz.why(q.explanation));
  return [{ kind: "text", text: lines.join("\n") }];
}
