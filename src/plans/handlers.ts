/**
 * The plans' part of the chat: a skip («跳过老王家 今天关门») and the plan question («今天去哪几家»).
 *
 * Order in app.ts: the skip reads the text with the rule parser alone and must come before a
 * message is read as a report (a skip names a shop, as a report does); the plan question needs the
 * full reading, so handlers that must answer without it (quiz answers) go before planHandlers.
 */
import { type Handler, onIntent } from "../core/handler.js";
import type { Db } from "../store/database.js";
import { answerPlanQuery } from "./plan-query.js";
import { skipShop } from "./plan-skip.js";
import { readSkip } from "./read-skip.js";

export function planHandlers(deps: { db: Db }): Handler[] {
  const { db } = deps;
  return [
    {
      name: "plan-skip",
      async handle(ctx, next) {
        const skip = readSkip(ctx);
        if (!skip) return next();
        ctx.intent = "plan_skip";
        ctx.reply(...(await skipShop(db, ctx.person.id, skip.retailerId, ctx.today, skip.reason, ctx.t)));
      },
    },
    onIntent("plan-query", ["plan_query"], async (ctx) => {
      ctx.reply(...(await answerPlanQuery(db, ctx.person, ctx.message.receivedAt, ctx.t)));
    }),
  ];
}
