/**
 * The quiz's part of the chat: "C" / "选C" / "I pick B" to the day's open question. Reads the text
 * alone, so app.ts lists it before any handler that asks for the full reading.
 */
import type { Handler } from "../core/handler.js";
import type { Db } from "../store/database.js";
import { gradeQuizAnswer } from "./quiz-grade.js";

export function quizHandlers(deps: { db: Db }): Handler[] {
  const { db } = deps;
  return [
    {
      name: "quiz-answer",
      async handle(ctx, next) {
        const verdict = await gradeQuizAnswer(db, ctx.person, ctx.message.text, ctx.message.receivedAt, ctx.t);
        if (!verdict) return next();
        ctx.intent = "quiz_answer";
        ctx.reply(...verdict);
      },
    },
  ];
}
