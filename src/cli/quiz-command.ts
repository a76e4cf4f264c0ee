/** `cli quiz import FILE.csv` (question, option_a … option_d, answer, explanation, lang) and `cli quiz list`. */
import { importQuizCsv } from "../quiz/quiz-bank.js";
import { listQuestions } from "../quiz/quiz-queries.js";
import type { Db } from "../store/database.js";
import { reportingErrors, usageError } from "./cli-errors.js";

type Out = NodeJS.WritableStream;

export function runQuiz(db: Db, args: string[], out: Out, err: Out): Promise<number> {
  return reportingErrors(err, async () => {
    const [action, file] = args;
    if (action === "import") {
      if (!file) return usageError(err, "quiz import needs a CSV file");
      const r = await importQuizCsv(db, file);
      out.write(`questions: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged\n`);
      return 0;
    }
    if (action === "list" || action === undefined) {
      const questions = await listQuestions(db);
      for (const q of questions) out.write(`${q.id}  [${q.lang}]  ${q.question}  (${q.answer})\n`);
      if (questions.length === 0) out.write("no questions\n");
      return 0;
    }
    return usageError(err, `unknown quiz action ${action}: use import or list`);
  });
}
