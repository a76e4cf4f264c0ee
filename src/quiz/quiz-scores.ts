/** Quiz results per person over a range of days, for the supervisor's digest and the weekly summary. */
import type { Db } from "../store/database.js";
import { answersBetween } from "./quiz-queries.js";

export interface QuizScore {
  asked: number;
  answered: number;
  correct: number;
}

export async function quizScores(
  db: Db,
  personIds: string[],
  from: string,
  to: string,
): Promise<Map<string, QuizScore>> {
  const scores = new Map<string, QuizScore>(personIds.map((id) => [id, { asked: 0, answered: 0, correct: 0 }]));
  if (personIds.length === 0) return scores;
  for (const r of await answersBetween(db, personIds, from, to)) {
    const s = scores.get(r.personId);
    if (!s) continue;
    s.asked++;
    if (r.answer) s.answered++;
    if (r.correct) s.correct++;
  }
  return scores;
}
