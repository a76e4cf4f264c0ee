import type { QuizMessages } from "../messages/quiz.js";

export const quiz: QuizMessages = {};
