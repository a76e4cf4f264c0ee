/** 应知应会 quizzes: the question bank, the daily question, grading and scores. */

export { quizHandlers } from "./handlers.js";
export { askQuiz } from "./quiz-ask.js";
export { importQuizCsv, QuizImportError, readQuizCsv } from "./quiz-bank.js";
export { parseQuizChoice } from "./quiz-choice.js";
export { gradeQuizAnswer } from "./quiz-grade.js";
export { quizScores } from "./quiz-scores.js";
