/** The plan and quiz answers as the chat core's extensions: today's plan, skips, quiz grading. */
import type { BotExtensions } from "../core/context.js";
import { gradeQuizAnswer } from "../quiz/index.js";
import { answerPlanQuery } from "./plan-query.js";
import { skipShop } from "./plan-skip.js";

export const planExtensions: BotExtensions = {
  answerPlan: (ctx) => answerPlanQuery(ctx.db, { ...ctx.person, lang: ctx.lang }, ctx.message.receivedAt),
  skipShop: (ctx, retailerId, reason) => skipShop(ctx.db, { id: ctx.person.id, lang: ctx.lang }, retailerId, ctx.today, reason),
  gradeQuiz: (ctx) => gradeQuizAnswer(ctx.db, ctx.person.id, ctx.message.text, ctx.message.receivedAt),
};
