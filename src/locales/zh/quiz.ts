import type { QuizMessages } from "../messages/quiz.js";

export const quiz: QuizMessages = {
  question: (question, options) =>
    `【每日一题 · 应知应会】\n${question}\n${options.join("\n")}\n回复选项字母就行，比如“C”。`,
  correct: (answer, option) => `答对了！正确答案就是 ${answer}（${option}）。`,
  wrong: (chosen, answer, option) => `差一点。你选的是 ${chosen}，正确答案是 ${answer}（${option}）。`,
  why: (explanation) => `解析：${explanation}`,
};
