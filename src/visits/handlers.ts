/**
 * The visits feature's handlers, in the order they belong in the chain (app.ts places them):
 * `openQuestion` first (an answer to the bot's own question comes before anything else, and the
 * question is asked again after any other answer), `correction` next (不对/撤销/去掉 on the last
 * record, once the message's reading shows it carries no new report), and `report` once the message
 * reads as a visit log or promotion note with something to store.
 */
import type { Handler } from "../core/handler.js";
import { REPORT_INTENTS } from "../domain/records.js";
import {
  answerCorrectionOrNew,
  answerLineQuestion,
  askCorrectionOrNew,
  findTargets,
  handleCorrection,
  undoLastChange,
} from "./correction-flow.js";
import { correctionOrReport } from "./correction-or-report.js";
import { readCorrection } from "./corrections.js";
import { isQuestionAbout } from "./report-content.js";
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
        if (state.choice && (await answerCorrectionOrNew(ctx, deps, dialogueOf(ctx), state.choice))) return;
        // An open question comes first: "不对" to "is that right?" or "撤销" to "which shop?" is about the draft.
        const { pending } = dialogueOf(ctx);
        if (pending && (await answerPending(ctx, deps, dialogueOf(ctx), pending))) return;
        await next();
        // Whatever answered this message, a question left open by an earlier one is still waiting. Not
        // when this answer offers numbered choices of its own: the "1" that follows is for those.
        const after = dialogueOf(ctx);
        const offersChoices = ctx.replies.some((r) => r.kind === "choices");
        if (after.pending && after.pending === pending && !offersChoices)
          await askAgain(ctx, deps, after, after.pending);
      },
    },
    correction: {
      name: "correction",
      async handle(ctx, next) {
        // The opening words only make a message a candidate; its reading decides (correction-or-report.ts).
        const correction = readCorrection(ctx.message.text);
        if (!correction) return next();
        if (correction.kind === "undo") return undoLastChange(ctx, deps, correction.references);
        const targets = await findTargets(ctx, deps, correction.references);
        if (targets === "forbidden") {
          ctx.intent = `correction:${correction.kind}`;
          ctx.reply({ kind: "text", text: ctx.t.visits.correction.notYours });
          return;
        }
        const verdict = correctionOrReport(correction, await ctx.reading(), targets);
        if (verdict === "report") return next();
        if (verdict === "either") return askCorrectionOrNew(ctx, deps, dialogueOf(ctx), targets);
        await handleCorrection(ctx, deps, dialogueOf(ctx), correction, targets);
      },
    },
    report: {
      name: "report",
      async handle(ctx, next) {
        const reading = await ctx.reading();
        const intent = reading.intent.value;
        if (!(REPORT_INTENTS as readonly string[]).includes(intent)) return next();
        // A question about a shop that says nothing about it is for the shop's history, not a visit.
        if (isQuestionAbout(reading)) return next();
        ctx.intent = intent;
        await startReport(ctx, deps, park(dialogueOf(ctx)));
      },
    },
  };
}
