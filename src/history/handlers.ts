/** The shop-history feature: questions about one shop ("张记上次什么时候去的"). */
import type { Handler } from "../core/handler.js";
import { onIntent } from "../core/handler.js";
import { answerShopHistory, type HistoryDeps } from "./shop-history.js";

export function historyHandlers(deps: HistoryDeps): Handler[] {
  return [
    onIntent("shop history", ["retailer_query"], async (ctx) => ctx.reply(...(await answerShopHistory(ctx, deps)))),
  ];
}
