/**
 * Today's question for a person: the next one of their language they have not been asked (the same
 * for the whole team on a day, so scores compare), recorded as an open QuizAnswer before it is sent.
 */
import type { Reply } from "../domain/messages.js";
import type { QuizQuestion } from "../generated/prisma/client.js";
import type { Messages } from "../locales/index.js";
import type { Db } from "../store/database.js";
import { askedQuestions, bankQuestions, questionOfDay, recordAsked } from "./quiz-queries.js";
import { renderQuestion } from "./quiz-render.js";

/**
 * Records the day's question for the person (once per day) and returns it rendered in `t`'s
 * language, from that language's questions when the bank has any; null when the bank is empty.
 */
export async function askQuiz(
  db: Db,
  personId: string,
  day: string,
  t: Messages,
): Promise<{ question: QuizQuestion; replies: Reply[] } | null> {
  const existing = await questionOfDay(db, personId, day);
  if (existing) return { question: existing, replies: renderQuestion(existing, t) };
  const question = await nextQuestion(db, personId, t.lang);
  if (!question) return null;
  // Asked concurrently (a second instance): use whatever question was recorded first.
  if (!(await recordAsked(db, personId, day, question.id))) return askQuiz(db, personId, day, t);
  return { question, replies: renderQuestion(question, t) };
}

async function nextQuestion(db: Db, personId: string, lang: string): Promise<QuizQuestion | null> {
  const ofLang = await bankQuestions(db, lang);
  const bank = ofLang.length ? ofLang : await bankQuestions(db);
  if (bank.length === 0) return null;
  const lastAsked = new Map<number, string>();
  for (const a of await askedQuestions(db, personId))
    if ((lastAsked.get(a.questionId) ?? "") < a.day) lastAsked.set(a.questionId, a.day);
  // Never asked first (in bank order), then the one asked longest ago.
  return (
    [...bank].sort((a, b) => (lastAsked.get(a.id) ?? "").localeCompare(lastAsked.get(b.id) ?? "") || a.id - b.id)[0] ??
    null
  );
}
