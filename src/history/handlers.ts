/** The shop-history feature: questions about one shop ("张记上次什么时候去的"). */
import type { Handler } from "../core/handler.js";
import { isQuestionAbout } from "../visits/report-content.js";
import { answerShopHistory, type HistoryDeps } from "./shop-history.js";

export function historyHandlers(deps: HistoryDeps): Handler[] {
  return [
    {
      name: "shop history",
      async handle(ctx, next) {
        const reading = await ctx.reading();
        // The parser may read "when was i last at Joe's" as a visit with nothing in it: still a question.
        const asked =
          reading.intent.value === "retailer_query" || (reading.shops.length > 0 && isQuestionAbout(reading));
        if (!asked) return next();
        ctx.intent = "retailer_query";
        ctx.reply(...(await answerShopHistory(ctx, deps)));
      },
    },
  ];
}
