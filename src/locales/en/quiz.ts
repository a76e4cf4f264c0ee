import type { QuizMessages } from "../messages/quiz.js";

export const quiz: QuizMessages = {
  question: (question, options) =>
    `Quiz of the day\n${question}\n${options.join("\n")}\nReply with the letter, e.g. "C".`,
  correct: (answer, option) => `Correct! The answer is ${answer} (${option}).`,
  wrong: (chosen, answer, option) => `Not quite: you picked ${chosen}, the answer is ${answer} (${option}).`,
  why: (explanation) => `Why: ${explanation}`,
};
