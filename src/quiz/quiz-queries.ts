/** Every database read and write of the quiz: the question bank, the questions asked and their answers. */
import type { QuizQuestion } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import { isUniqueViolation } from "../store/inbox.js";
import type { QuizRow } from "./quiz-bank.js";

/** The question recorded for a person on a day, if any. */
export async function questionOfDay(db: Db, personId: string, day: string): Promise<QuizQuestion | null> {
  return (
    (await db.quizAnswer.findUnique({ where: { personId_day: { personId, day } }, include: { question: true } }))
      ?.question ?? null
  );
}

/** Records the day's question as open; false when another process recorded one first. */
export async function recordAsked(db: Db, personId: string, day: string, questionId: number): Promise<boolean> {
  try {
    await db.quizAnswer.create({ data: { personId, day, questionId } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The bank in its order: one language's questions, or all of them. */
export function bankQuestions(db: Db, lang?: string): Promise<QuizQuestion[]> {
  return db.quizQuestion.findMany({ where: lang ? { lang } : {}, orderBy: { id: "asc" } });
}

/** Every question the person was asked, with the day. */
export function askedQuestions(db: Db, personId: string): Promise<{ questionId: number; day: string }[]> {
  return db.quizAnswer.findMany({ where: { personId }, select: { questionId: true, day: true } });
}

/** The person's unanswered questions recorded from `from` to `to`, latest first. */
export function openQuestions(db: Db, personId: string, from: string, to: string) {
  return db.quizAnswer.findMany({
    where: { personId, answer: null, day: { gte: from, lte: to } },
    include: { question: true },
    orderBy: { day: "desc" },
  });
}

/** Whether the day's quiz push reached the person. */
export async function quizWasSent(db: Db, personId: string, day: string): Promise<boolean> {
  const push = await db.outbox.findUnique({
    where: { personId_kind_day: { personId, kind: "quiz", day } },
    select: { status: true },
  });
  return push?.status === "sent";
}

/** Stores an answer if the question is still open; false when it was answered meanwhile (a double tap). */
export async function recordAnswer(
  db: Db,
  answerId: number,
  letter: string,
  correct: boolean,
  at: Date,
): Promise<boolean> {
  const { count } = await db.quizAnswer.updateMany({
    where: { id: answerId, answer: null },
    data: { answer: letter, correct, answeredAt: at },
  });
  return count > 0;
}

export function answersBetween(db: Db, personIds: string[], from: string, to: string) {
  return db.quizAnswer.findMany({
    where: { personId: { in: personIds }, day: { gte: from, lte: to } },
    select: { personId: true, answer: true, correct: true },
  });
}

/** The whole bank by language, for `cli quiz list`. */
export function listQuestions(db: Db): Promise<QuizQuestion[]> {
  return db.quizQuestion.findMany({ orderBy: [{ lang: "asc" }, { id: "asc" }] });
}

/** Writes imported rows in one transaction: new questions created, changed ones updated. */
export async function saveQuestions(
  db: Db,
  rows: QuizRow[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  const report = { created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const existing = await tx.quizQuestion.findUnique({
        where: { lang_question: { lang: row.lang, question: row.question } },
      });
      if (!existing) {
        await tx.quizQuestion.create({ data: row });
        report.created++;
      } else if ((Object.keys(row) as (keyof QuizRow)[]).some((k) => existing[k] !== row[k])) {
        await tx.quizQuestion.update({ where: { id: existing.id }, data: row });
        report.updated++;
      } else {
        report.unchanged++;
      }
    }
  });
  return report;
}
