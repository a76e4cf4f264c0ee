/**
 * Today's question for a person: the next one of their language they have not been asked (the same
 * for the whole team on a day, so scores compare), recorded as an open QuizAnswer before it is sent.
 */
import type { Reply } from "../domain/messages.js";
import type { Lang } from "../domain/roster.js";
import type { QuizQuestion } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import { renderQuestion } from "./quiz-render.js";

/** Records the day's question for the person (once per day) and returns it rendered; null when the bank is empty. */
export async function askQuiz(db: Db, person: { id: string; lang: Lang }, day: string): Promise<{ question: QuizQuestion; replies: Reply[] } | null> {
  const existing = await db.quizAnswer.findUnique({ where: { personId_day: { personId: person.id, day } }, include: { question: true } });
  if (existing) return { question: existing.question, replies: renderQuestion(existing.question, person.lang) };
  const question = await nextQuestion(db, person);
  if (!question) return null;
  try {
    await db.quizAnswer.create({ data: { personId: person.id, day, questionId: question.id } });
  } catch (error) {
    // Asked concurrently (a second instance): use whatever question was recorded first.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return askQuiz(db, person, day);
  }
  return { question, replies: renderQuestion(question, person.lang) };
}

async function nextQuestion(db: Db, person: { id: string; lang: Lang }): Promise<QuizQuestion | null> {
  const ofLang = await db.quizQuestion.findMany({ where: { lang: person.lang }, orderBy: { id: "asc" } });
  const bank = ofLang.length ? ofLang : await db.quizQuestion.findMany({ orderBy: { id: "asc" } });
  if (bank.length === 0) return null;
  const asked = await db.quizAnswer.findMany({ where: { personId: person.id }, select: { questionId: true, day: true } });
  const lastAsked = new Map<number, string>();
  for (const a of asked) if ((lastAsked.get(a.questionId) ?? "") < a.day) lastAsked.set(a.questionId, a.day);
  // Never asked first (in bank order), then the one asked longest ago.
  return [...bank].sort((a, b) => (lastAsked.get(a.id) ?? "").localeCompare(lastAsked.get(b.id) ?? "") || a.id - b.id)[0];
}
