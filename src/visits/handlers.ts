/**
 * The visits feature's handlers, in the order they belong in the chain (app.ts places them):
 * `openQuestion` first (an answer to the bot's own question comes before anything else, and the
 * question is asked again after any other answer), `correction` next (不对/撤销 on the last
 * record), and `report` once the message reads as a visit log or promotion note.
 */
import type { Handler } from "../core/handler.js";
import { onIntent } from "../core/handler.js";
import { REPORT_INTENTS } from "../domain/records.js";
import { answerLineQuestion, handleCorrection } from "./correction-flow.js";
import { readCorrection } from "./corrections.js";
import { answerPending, askAgain, dialogueOf, park, startReport } from "./report-flow.js";
import type { VisitDeps } from "./visit-deps.js";

export interface VisitHandlers {
  openQuestion: Handler;
  correction: Handler;
  report: Handler;
}

export function visitHandlers(deps: VisitDeps): VisitHandlers {
  return {
    openQuestion: {
      name: "open question",
      async handle(ctx, next) {
        const state = dialogueOf(ctx);
        if (state.correction && (await answerLineQuestion(ctx, deps, state, state.correction))) return;
        // An open question comes first: "不对" to "is that right?" or "撤销" to "which shop?" is about the draft.
        const { pending } = dialogueOf(ctx);
        if (pending && (await answerPending(ctx, deps, dialogueOf(ctx), pending))) return;
        await next();
        // Whatever answered this message, a question left open by an earlier one is still waiting.
        const after = dialogueOf(ctx);
        if (after.pending && after.pending === pending) await askAgain(ctx, deps, after, after.pending);
      },
    },
    correction: {
      name: "correction",
      async handle(ctx, next) {
        const correction = readCorrection(ctx.message.text);
        if (!correction) return next();
        await handleCorrection(ctx, deps, dialogueOf(ctx), correction);
      },
    },
    report: onIntent("report", REPORT_INTENTS, (ctx) => startReport(ctx, deps, park(dialogueOf(ctx)))),
  };
}
