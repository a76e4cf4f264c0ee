/**
 * Grades "C" / "选C" / "I pick B" against the person's open question: the one pushed to them today or
 * yesterday and not answered yet. Anything else (no open question, not a letter) is not a quiz answer.
 */
import type { Reply } from "../domain/messages.js";
import type { Lang } from "../domain/roster.js";
import { addDays, localDay } from "../domain/calendar.js";
import type { Db } from "../store/database.js";
import { parseQuizChoice } from "./quiz-choice.js";
import { renderVerdict } from "./quiz-render.js";

export async function gradeQuizAnswer(db: Db, personId: string, text: string, now: Date): Promise<Reply[] | null> {
  const letter = parseQuizChoice(text);
  if (!letter) return null;
  const person = await db.person.findUnique({ where: { id: personId }, select: { lang: true, timezone: true } });
  if (!person) return null;
  const today = localDay(now, person.timezone);
  const open = await db.quizAnswer.findMany({
    where: { personId, answer: null, day: { gte: addDays(today, -1), lte: today } },
    include: { question: true },
    orderBy: { day: "desc" },
  });
  for (const candidate of open) {
    // Only a question the person has actually been sent can be answered.
    const pushed = await db.outbox.findUnique({ where: { personId_kind_day: { personId, kind: "quiz", day: candidate.day } }, select: { status: true } });
    if (pushed?.status !== "sent") continue;
    const correct = candidate.question.answer === letter;
    // Conditional on still being open: a double-tap on a button is graded once.
    const { count } = await db.quizAnswer.updateMany({ where: { id: candidate.id, answer: null }, data: { answer: letter, correct, answeredAt: now } });
    if (count === 0) return null;
    return renderVerdict(candidate.question, letter, person.lang as Lang);
  }
  return null;
}
