/**
 * The channel-neutral core: one `handle(message)` for every channel.
 * Order matters: find the sender, store the raw message, drop platform retries, then
 * (with the sender's open dialogue in hand) answer a question, apply a correction, or route by intent.
 */
import type { Person } from "../domain/roster.js";
import { isoInZone, localDay } from "../domain/local-day.js";
import type { Logger } from "../log.js";
import type { Db } from "../store/database.js";
import { Inbox } from "../store/inbox.js";
import { RecordStore } from "../store/record-store.js";
import { RosterStore } from "../store/roster-store.js";
import { EMPTY_DIALOGUE, type BotExtensions, type Context, type DialogueState } from "./context.js";
import { answerLineQuestion, handleCorrection } from "./correction-flow.js";
import { readCorrection } from "./corrections.js";
import { DialogueStore } from "./dialogue-store.js";
import { helpText, UNKNOWN_SENDER_TEXT } from "./help.js";
import { detectLanguage, replyLanguage } from "./language.js";
import type { InboundMessage, Reply } from "./messages.js";
import { ParserCache } from "./parser-cache.js";
import { PerPersonQueue } from "./per-person-queue.js";
import { answerPending, askAgain, park, startReport } from "./report-flow.js";
import { answerShopHistory } from "./shop-history.js";
import { readSkip } from "./skip.js";
import { smallTalk } from "./small-talk.js";

export interface BotDeps {
  db: Db;
  logger: Logger;
  extensions?: BotExtensions;
  /** Called for a message from an unlinked sender before the refusal; returns replies when it linked them (invite codes). */
  onUnknownSender?: (message: InboundMessage) => Promise<Reply[] | null>;
}

export interface Bot {
  handle(message: InboundMessage): Promise<Reply[]>;
  /** Plugs in answers provided by other modules (plans, reports, quizzes, pushes). */
  extend(extensions: BotExtensions): void;
}

const REPORT_INTENTS = new Set(["visit_log", "promotion_note"]);
/** Control characters other than tab and newlines: binary noise, never meaningful in a report. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

export function createBot(deps: BotDeps): Bot {
  const { db, logger } = deps;
  const roster = new RosterStore(db);
  const inbox = new Inbox(db);
  const records = new RecordStore(db);
  const dialogue = new DialogueStore<DialogueState>(db);
  const parsers = new ParserCache(db);
  const queue = new PerPersonQueue();
  const extensions: BotExtensions = { ...deps.extensions };

  async function identify(message: InboundMessage): Promise<Person | null> {
    // The web chat has already authenticated the page and speaks in person ids.
    if (message.channel === "web") return roster.person(message.externalUserId);
    return roster.personByIdentity(message.channel, message.externalUserId);
  }

  async function route(ctx: Context): Promise<void> {
    const text = ctx.message.text;
    const state = (await dialogue.read(ctx.person.id)) ?? { ...EMPTY_DIALOGUE };
    if (state.correction && (await answerLineQuestion(ctx, state))) return;
    // An open question comes first: "不对" to "is that right?" or "撤销" to "which shop?" is about the draft.
    if (state.pending && (await answerPending(ctx, state))) return;
    const correction = readCorrection(text);
    if (correction) {
      await handleCorrection(ctx, state, correction);
      if (state.pending) await askAgain(ctx, state);
      return;
    }
    const skip = extensions.skipShop ? readSkip(ctx) : null;
    if (skip) {
      ctx.intent = "plan_skip";
      ctx.reply(...(await extensions.skipShop!(ctx, skip.retailerId, skip.reason)));
      return;
    }
    const quiz = extensions.gradeQuiz ? await extensions.gradeQuiz(ctx) : null;
    if (quiz) {
      ctx.intent = "quiz_answer";
      ctx.reply(...quiz);
      return;
    }
    const result = await ctx.understand({ text, senderId: ctx.person.id, now: ctx.now });
    const intent = result.intent.value;
    ctx.intent = intent;
    if (REPORT_INTENTS.has(intent)) return startReport(ctx, park(state));
    switch (intent) {
      case "plan_query":
      case "status_query": {
        const answer = intent === "plan_query" ? extensions.answerPlan : extensions.answerStatus;
        if (answer) ctx.reply(...(await answer(ctx)));
        else ctx.say("这项查询暂未开启。", "That question isn't available here yet.");
        break;
      }
      case "retailer_query":
        ctx.reply(...(await answerShopHistory(ctx)));
        break;
      case "help":
        ctx.reply({ kind: "text", text: helpText(ctx.lang, ctx.person.role) });
        break;
      default:
        smallTalk(ctx);
    }
    // A question left open by this message's predecessor is still waiting.
    if (state.pending) await askAgain(ctx, state);
  }

  /** Messages that cannot be a report get a short answer before any parsing. */
  function screen(ctx: Context): boolean {
    const text = ctx.message.text.replace(CONTROL, "").trim();
    if (!text) {
      ctx.say("没收到文字内容。直接把拜访情况打字发给我就行。", "I didn't get any text. Just type what happened at the visit.");
      return false;
    }
    const language = detectLanguage(text);
    if (language === "other") {
      ctx.say("抱歉，我目前只看得懂中文和英文。Sorry, I only understand Chinese and English.", "Sorry, I only understand Chinese and English. 抱歉，我目前只看得懂中文和英文。");
      return false;
    }
    if (language === null && !/\d/.test(text)) {
      ctx.say("👍 收到！要记录拜访，直接发文字给我就行。", "👍 Got it! To log a visit, just send me the details in words.");
      return false;
    }
    ctx.message = { ...ctx.message, text };
    return true;
  }

  return {
    extend(more) {
      Object.assign(extensions, more);
    },
    async handle(message) {
      const person = await identify(message);
      const recorded = await inbox.record(message, person?.id ?? null);
      const log = logger.child({ inbound: recorded.id, channel: message.channel, person: person?.id ?? null });
      if (recorded.duplicate) {
        log.info({ status: recorded.status }, "platform retry recognised; not handled again");
        return [];
      }
      if (!person) {
        const linked = deps.onUnknownSender ? await deps.onUnknownSender(message) : null;
        await inbox.finish(recorded.id, linked ? "handled" : "refused", { intent: linked ? "invite" : undefined });
        if (!linked) log.info("message from an unlinked sender refused");
        return linked ?? [{ kind: "text", text: UNKNOWN_SENDER_TEXT }];
      }
      const lang = replyLanguage(message.text, person.lang);
      const parser = await parsers.get();
      const ctx: Context = {
        message,
        inboundId: recorded.id,
        person,
        lang,
        now: isoInZone(message.receivedAt, person.timezone),
        today: localDay(message.receivedAt, person.timezone),
        db,
        roster,
        records,
        dialogue,
        parser,
        understand: (input) => (extensions.understand ? extensions.understand(input, parser) : Promise.resolve(parser.parse(input))),
        logger: log,
        extensions,
        replies: [],
        intent: null,
        reply(...replies) {
          this.replies.push(...replies);
        },
        say(zh, en) {
          this.replies.push({ kind: "text", text: this.lang === "zh" ? zh : en });
        },
      };
      try {
        if (screen(ctx)) await queue.run(person.id, () => route(ctx));
        await inbox.finish(recorded.id, "handled", { intent: ctx.intent ?? undefined });
        return ctx.replies;
      } catch (error) {
        log.error({ err: error }, "message handling failed");
        await inbox.finish(recorded.id, "failed", { error: String(error) }).catch(() => undefined);
        return [
          {
            kind: "text",
            text: lang === "zh" ? "抱歉，处理这条消息时出错了，消息已保存，请稍后再试。" : "Sorry, something went wrong with that message. It's saved; please try again shortly.",
          },
        ];
      }
    },
  };
}
