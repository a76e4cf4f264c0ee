/**
 * Grades "C" / "选C" / "I pick B" against the person's open question: the one pushed to them today or
 * yesterday and not answered yet. Anything else (no open question, not a letter) is not a quiz answer.
 */
import { addDays, localDay } from "../domain/calendar.js";
import type { Reply } from "../domain/messages.js";
import type { Messages } from "../locales/index.js";
import type { Db } from "../store/database.js";
import { parseQuizChoice } from "./quiz-choice.js";
import { openQuestions, quizWasSent, recordAnswer } from "./quiz-queries.js";
import { renderVerdict } from "./quiz-render.js";

/** Days a pushed question stays open: today's and yesterday's. */
const OPEN_DAYS = 1;

/** The verdict in `t`'s language, or null when the text is not an answer to an open question. */
export async function gradeQuizAnswer(
  db: Db,
  person: { id: string; timezone: string },
  text: string,
  now: Date,
  t: Messages,
): Promise<Reply[] | null> {
  const letter = parseQuizChoice(text);
  if (!letter) return null;
  const today = localDay(now, person.timezone);
  for (const candidate of await openQuestions(db, person.id, addDays(today, -OPEN_DAYS), today)) {
    // Only a question the person has actually been sent can be answered.
    if (!(await quizWasSent(db, person.id, candidate.day))) continue;
    const correct = candidate.question.answer === letter;
    // Conditional on still being open: a double-tap on a button is graded once.
    if (!(await recordAnswer(db, candidate.id, letter, correct, now))) return null;
    return renderVerdict(candidate.question, letter, t);
  }
  return null;
}
