/**
 * Logging a visit or promotion: parse and ground, then store at once when everything is certain,
 * or ask one question at a time, keeping the draft until the answers make it certain.
 */
import type { FormatPromotion, FormatVisit } from "../domain/records.js";
import type { StoredRecord } from "../store/record-store.js";
import { EMPTY_DIALOGUE, type Context, type DialogueState } from "../core/context.js";
import type { Reply } from "../domain/messages.js";
import { loadNames, referencesOf } from "../store/name-book.js";
import { applyAnswer, askQuestion } from "./questions.js";
import { renderReceipt } from "./receipt.js";
import { buildDraft, newPending, type PendingReport } from "./report-draft.js";

/** After this many questions about one report, it is set aside rather than asked about forever. */
const MAX_QUESTIONS = 6;

/** Starts a new report from the message. */
export async function startReport(ctx: Context, state: DialogueState): Promise<void> {
  const pending = newPending(ctx.message.text, ctx.now, ctx.inboundId, ctx.lang);
  await advance(ctx, state, pending);
}

/**
 * Treats the message as an answer to the open question. Returns false when it does not answer it,
 * so the caller can handle it as something new.
 */
export async function answerPending(ctx: Context, state: DialogueState): Promise<boolean> {
  const pending = state.pending!;
  const draft = await buildDraft(ctx.understand, pending, ctx.person.id);
  if (!draft.question) {
    // Nothing left to ask (the roster changed meanwhile): store what we have.
    await advance(ctx, state, pending);
    return true;
  }
  const outcome = applyAnswer(ctx.parser, draft.question, ctx.message.text, pending, ctx.person.id);
  switch (outcome.kind) {
    case "answered":
      await advance(ctx, state, outcome.pending);
      return true;
    case "cancelled":
      await resume(ctx, { ...state, pending: null });
      ctx.say("好的，这条不记了。", "OK, I won't log that one.");
      return true;
    case "rejected":
      await resume(ctx, { ...state, pending: null });
      ctx.say("好的，这条先不记。请把正确的内容再发一遍。", "OK, not saved. Please send it again the way it should be.");
      return true;
    case "unclear":
      return false;
  }
}

/** Asks the open question again (after a reply that did not answer it). */
export async function askAgain(ctx: Context, state: DialogueState): Promise<void> {
  const draft = await buildDraft(ctx.understand, state.pending!, ctx.person.id);
  if (!draft.question) return advance(ctx, state, state.pending!);
  ctx.say("还有一条记录在等您确认：", "One report is still waiting for your answer:");
  ctx.reply(askQuestion(draft.question, ctx.lang));
}

/** Sets the open question aside so a new report can be handled; it is asked again afterwards. */
export function park(state: DialogueState): DialogueState {
  if (!state.pending) return state;
  return { ...state, pending: null, parked: [state.pending, ...state.parked].slice(0, 3) };
}

async function advance(ctx: Context, state: DialogueState, pending: PendingReport): Promise<void> {
  const draft = await buildDraft(ctx.understand, pending, ctx.person.id);
  if (draft.records.length === 0) {
    await resume(ctx, { ...state, pending: null });
    ctx.say(
      "没看出这条拜访记录的具体内容，能说得再具体点吗？例如「张记 中华断货 红塔山12条」。",
      "I couldn't find a visit in that. Could you say a bit more? e.g. \"Joe's out of Coke Zero, 3 cases Sprite\".",
    );
    return;
  }
  if (draft.question && pending.asked < MAX_QUESTIONS) {
    await ctx.dialogue.write(ctx.person.id, { ...state, pending });
    if (draft.question.kind === "confirm") {
      const names = await namesFor(ctx, draft.records);
      ctx.reply(renderReceipt(draft.records, names, ctx.lang, "preview"));
    }
    ctx.reply(askQuestion(draft.question, ctx.lang));
    ctx.intent = draft.result.intent.value;
    return;
  }
  if (draft.question) {
    await resume(ctx, { ...state, pending: null });
    ctx.say("这条还有地方没弄清楚，先不记了。请换个说法重新发一遍。", "I still can't pin this one down, so I haven't saved it. Please send it again in other words.");
    return;
  }
  const storable = draft.records.filter((r) => r.type === "promotion" || r.retailer) as (FormatVisit | FormatPromotion)[];
  const stored = await ctx.records.createAll(storable, {
    managerId: ctx.person.id,
    messageId: pending.messageId,
    confirmedById: ctx.person.id,
    note: pending.text,
  });
  ctx.intent = draft.result.intent.value;
  const names = await namesFor(ctx, stored);
  ctx.reply(renderReceipt(stored, names, ctx.lang, "stored"));
  await reportRedFlags(ctx, stored, pending.text);
  await resume(ctx, { ...state, pending: null });
}

/** Saves the state, bringing back a parked report's question if one is waiting. */
async function resume(ctx: Context, state: DialogueState): Promise<void> {
  const [next, ...rest] = state.parked;
  if (!next) {
    if (state.correction) await ctx.dialogue.write(ctx.person.id, state);
    else await ctx.dialogue.delete(ctx.person.id);
    return;
  }
  const draft = await buildDraft(ctx.understand, next, ctx.person.id);
  const restored = { ...EMPTY_DIALOGUE, ...state, pending: next, parked: rest };
  await ctx.dialogue.write(ctx.person.id, restored);
  if (draft.question) {
    ctx.say("另外，之前那条还没确认：", "Also, the earlier report still needs an answer:");
    ctx.reply(askQuestion(draft.question, ctx.lang));
  }
}

async function namesFor(ctx: Context, records: Iterable<FormatVisit | FormatPromotion>) {
  const { shops, skus } = referencesOf(records);
  return loadNames(ctx.db, shops, skus);
}

/** Red flags go to the supervisor at once; the manager's receipt already says the practice is not allowed. */
async function reportRedFlags(ctx: Context, stored: StoredRecord[], text: string): Promise<void> {
  const flagged = stored.filter((r) => r.type === "visit" && r.compliance);
  const supervisorId = ctx.person.supervisorId;
  if (!flagged.length || !supervisorId || !ctx.extensions.notify) return;
  const supervisor = await ctx.roster.person(supervisorId);
  if (!supervisor) return;
  const names = await namesFor(ctx, flagged);
  const shops = flagged.map((r) => (r.type === "visit" ? names.shop(r.retailer) : "")).join("、");
  const alert: Reply = {
    kind: "text",
    text:
      supervisor.lang === "zh"
        ? `⚠️ 合规提示：${ctx.person.name} 在「${shops}」的拜访记录提到疑似违规做法（强制上柜、压货、搭售或超价销售），请关注。\n原文：「${text}」`
        : `⚠️ Compliance flag: ${ctx.person.name}'s visit to ${shops} mentions a practice the rules forbid (forced listing, pushed stock, tied sales or selling above the marked price). Please follow up.\nTheir words: "${text}"`,
  };
  await ctx.extensions.notify(supervisorId, [alert]).catch((error: unknown) => ctx.logger.warn({ err: error }, "could not tell the supervisor of a red flag"));
}
