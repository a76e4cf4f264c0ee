/** 应知应会 quizzes: the question bank, the daily question, grading and scores. */

export { quizHandlers } from "./handlers.js";
export { askQuiz } from "./quiz-ask.js";
export {
  importQuizCsv,
  importQuizRows,
  QuizImportError,
  type QuizImportReport,
  type QuizRow,
  readQuizCsv,
} from "./quiz-bank.js";
export { parseQuizChoice, type QuizLetter } from "./quiz-choice.js";
export { gradeQuizAnswer } from "./quiz-grade.js";
export { type QuizScore, quizScores } from "./quiz-scores.js";
