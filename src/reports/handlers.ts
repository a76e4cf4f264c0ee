/** The reports' handlers: supervisors' status questions ("团队今天情况", "谁还没报", "export this week"). */
import { type Handler, onIntent } from "../core/handler.js";
import { answerStatusQuestion, type ReportDeps } from "./answer-status.js";

export function reportHandlers(deps: ReportDeps): Handler[] {
  return [
    onIntent("team status", ["status_query"], async (ctx) => {
      ctx.reply(...(await answerStatusQuestion(deps, ctx)));
    }),
  ];
}
