/** 应知应会 quizzes: the question bank, the daily question, grading and scores. */
export { importQuizCsv, importQuizRows, readQuizCsv, QuizImportError, type QuizImportReport, type QuizRow } from "./quiz-bank.js";
export { askQuiz } from "./quiz-ask.js";
export { gradeQuizAnswer } from "./quiz-grade.js";
export { quizHandlers } from "./handlers.js";
export { parseQuizChoice, type QuizLetter } from "./quiz-choice.js";
export { quizScores, type QuizScore } from "./quiz-scores.js";
