/**
 * The WeCom channel: a self-built app's callbacks in, message/send out.
 * Text goes to the core with WeCom's MsgId (a retried callback is the same message to the inbox);
 * voice notes, photos and locations go to the core too, and get a clear "not yet" until it reads
 * them; a button click on a card is the answer to its choice; opening the app's chat gets a short
 * greeting with today's plan button, once a day. Replies and pushes go out through message/send,
 * every message through the channel's pacer.
 */

import { localDay } from "../../domain/calendar.js";
import type { InboundMessage, Reply } from "../../domain/messages.js";
import type { Person } from "../../domain/roster.js";
import { inEveryLanguage, type Messages } from "../../locales/index.js";
import type { ChannelStartDeps, HttpRoute, RunningChannel } from "../channel-plugin.js";
import { RateLimitedError } from "../outbound.js";
import { catalogueFor } from "../sender-language.js";
import { WecomApi } from "./wecom-api.js";
import { callbackRoute } from "./wecom-callback.js";
import { DEFAULT_WECOM_API_URL, WECOM_CALLBACK_PATH, type WecomConfig, wecomEnabled } from "./wecom-config.js";
import { CallbackCipher } from "./wecom-crypto.js";
import { wecomMedia } from "./wecom-media.js";
import { readButtonKey, renderReplies } from "./wecom-messages.js";
import { WecomSender } from "./wecom-sender.js";
import type { WecomCallback } from "./wecom-xml.js";

type StartWecomDeps = Pick<
  ChannelStartDeps<WecomConfig>,
  "config" | "publicUrl" | "bot" | "roster" | "logger" | "pacer" | "shared"
> & {
  /** Tests: answer a callback after this long even if the core has not taken it yet (default 3 s). */
  ackTimeoutMs?: number;
  /** Tests: the clock tokens, greetings and push progress expire by. */
  now?: () => number;
};

export interface WecomChannel extends RunningChannel {
  route: HttpRoute;
  /** Resolves when every callback received so far has been handled and its replies sent. */
  idle(): Promise<void>;
}

/** Where a person who has not named a zone opens the app (the roster's default). */
const DEFAULT_ZONE = "Asia/Shanghai";
/** A greeting claim outlives its day in every zone. */
const GREETING_CLAIM_MS = 36 * 60 * 60_000;

/** Starts WeCom: checks the CorpID and Secret with gettoken, so a wrong one stops the channel with WeCom's reason. */
export async function startWecom(deps: StartWecomDeps): Promise<WecomChannel> {
  const { config, bot, roster, logger, pacer, shared } = deps;
  if (!wecomEnabled(config)) {
    throw new Error("WeCom needs WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN and WECOM_ENCODING_AES_KEY");
  }
  const now = deps.now ?? Date.now;
  const agentId = config.WECOM_AGENT_ID;
  const api = new WecomApi({
    baseUrl: config.WECOM_API_URL ?? DEFAULT_WECOM_API_URL,
    corpId: config.WECOM_CORP_ID,
    secret: config.WECOM_SECRET,
    shared,
    logger,
    now,
  });
  await api.accessToken();
  const sender = new WecomSender(api, Number(agentId), pacer, shared, now);
  const cipher = new CallbackCipher(config.WECOM_TOKEN, config.WECOM_ENCODING_AES_KEY, config.WECOM_CORP_ID);

  const work = new Set<Promise<unknown>>();
  /** Work after the callback's answer, tracked for idle() and stop(); a failure is logged, never unhandled. */
  const track = (promise: Promise<unknown>) => {
    const tracked = promise
      .catch((error: unknown) => logger.error({ err: error }, "WeCom callback handling failed"))
      .finally(() => work.delete(tracked));
    work.add(tracked);
  };

  const render = (replies: Reply[], t: Messages) => renderReplies(replies, { t, publicUrl: deps.publicUrl });

  /** A reply to someone waiting: on a rate limit, once more when the pacer's hold is over. */
  async function answer(userId: string, replies: Reply[], t: Messages): Promise<void> {
    for (const message of render(replies, t)) {
      await sender.sendOne(userId, message).catch((error: unknown) => {
        if (!(error instanceof RateLimitedError)) throw error;
        logger.warn({ retryAfterMs: error.retryAfterMs }, "WeCom rate limit on a reply; sending it when the hold ends");
        return sender.sendOne(userId, message);
      });
    }
  }

  /**
   * One message for the core; `taken` is called once the core has it (the callback is answered
   * then); the replies follow through message/send.
   */
  async function converse(
    message: Omit<InboundMessage, "channel">,
    taken: () => void,
    afterAnswer?: (replies: Reply[]) => Promise<void>,
  ): Promise<void> {
    const userId = message.externalUserId;
    const log = logger.child({ wecomUser: userId, messageId: message.externalMessageId });
    let replies: Reply[];
    try {
      // Stored, then the callback is answered (WeCom retries one left unanswered for 5 s); handling follows.
      const inbound: InboundMessage = { ...message, channel: "wecom" };
      const accepted = bot.accept ? await bot.accept(inbound) : { replies: bot.handle(inbound) };
      taken();
      replies = await accepted.replies;
      // A retry that arrived while the first delivery is handled: that delivery sends the replies.
      if (accepted.echo) return;
    } catch (error) {
      log.error({ err: error }, "WeCom message failed");
      replies = [{ kind: "text", text: inEveryLanguage((t) => t.channels.failed) }];
    } finally {
      taken();
    }
    // After handle: an invite code may just have linked this sender, and the answer is in their language.
    const person = await roster.personByIdentity("wecom", userId);
    const t = catalogueFor(person);
    if (message.attachment?.kind === "other" && person && replies.length) replies = [notYet(t)];
    try {
      await answer(userId, replies, t);
      await afterAnswer?.(replies);
      log.info({ replies: replies.length, person: person?.id ?? null }, "WeCom message handled");
    } catch (error) {
      log.error({ err: error }, "WeCom reply could not be sent");
    }
  }

  /** A linked person opened the app's chat: a greeting with today's plan button, once a day; a stranger is told how to get linked. */
  async function greet(callback: WecomCallback): Promise<void> {
    const person = await roster.personByIdentity("wecom", callback.from);
    const day = localDay(callback.receivedAt, person?.timezone ?? DEFAULT_ZONE);
    const first = await shared.claim(`greeted:${callback.from}:${day}`, "1", new Date(now() + GREETING_CLAIM_MS));
    if (!first) return;
    const t = catalogueFor(person);
    await answer(callback.from, person ? greeting(person, t) : [strangerReply()], t).catch((error: unknown) =>
      logger.error({ err: error, wecomUser: callback.from }, "WeCom greeting could not be sent"),
    );
  }

  /** A card's button was clicked: its value is the answer, and the card shows what was picked. */
  function clicked(callback: WecomCallback & { type: "event" }, taken: () => void): Promise<void> {
    const choice = readButtonKey(callback.eventKey ?? "");
    return converse(
      {
        externalUserId: callback.from,
        // WeCom names an event by its sender and time; the card tells two clicks in one second apart.
        externalMessageId: `event:${callback.from}:${callback.createTime}:${callback.taskId ?? callback.eventKey ?? ""}`,
        text: choice.value,
        receivedAt: callback.receivedAt,
      },
      taken,
      async (replies) => {
        // A retried click was answered already ([]); its one-time response code is spent.
        if (!callback.responseCode || replies.length === 0) return;
        await api
          .post("message/update_template_card", {
            userids: [callback.from],
            agentid: Number(agentId),
            response_code: callback.responseCode,
            button: { replace_name: `✓ ${choice.label}`.slice(0, 10) },
          })
          .catch((error: unknown) => logger.warn({ err: error }, "could not mark the clicked WeCom card as answered"));
      },
    );
  }

  /** Resolves once the callback is taken (the core has stored it, or there is nothing to store). */
  function receive(callback: WecomCallback): Promise<void> {
    let taken!: () => void;
    const takenPromise = new Promise<void>((resolve) => (taken = resolve));
    const base = { externalUserId: callback.from, receivedAt: callback.receivedAt };
    switch (callback.type) {
      case "text":
        track(converse({ ...base, externalMessageId: callback.msgId, text: callback.text }, taken));
        break;
      case "attachment":
        // A voice note (AMR) or photo is fetched by its MediaId once the row is stored and WeCom answered.
        track(
          converse(
            {
              ...base,
              externalMessageId: callback.msgId,
              text: "",
              attachment: callback.attachment,
              fetchMedia: () => wecomMedia(api, callback.attachment, logger),
            },
            taken,
          ),
        );
        break;
      case "event":
        if (callback.event === "template_card_event") track(clicked(callback, taken));
        else if (callback.event === "click" && callback.eventKey) {
          // A menu item the admin set up with a key: the key is sent as typed ("今天去哪几家").
          track(
            converse(
              {
                ...base,
                externalMessageId: `event:${callback.from}:${callback.createTime}:click`,
                text: callback.eventKey,
              },
              taken,
            ),
          );
        } else {
          if (callback.event === "enter_agent") track(greet(callback));
          else logger.debug({ event: callback.event }, "WeCom event ignored");
          taken();
        }
        break;
    }
    return takenPromise;
  }

  const route = callbackRoute({
    path: WECOM_CALLBACK_PATH,
    cipher,
    agentId,
    logger,
    receive,
    ackTimeoutMs: deps.ackTimeoutMs,
  });
  logger.info({ agentId, callback: WECOM_CALLBACK_PATH }, "WeCom connected");

  const idle = async () => {
    while (work.size) await Promise.allSettled([...work]);
    await pacer.idle();
  };
  return {
    route,
    /** A push to a linked userid, paced; a rate limit is thrown for the outbox, which retries from where it stopped. */
    async send(userId, replies) {
      const t = catalogueFor(await roster.personByIdentity("wecom", userId));
      await sender.push(userId, replies, render(replies, t));
    },
    idle,
    async stop() {
      await idle();
      logger.info("WeCom stopped");
    },
  };
}

/** The greeting card: the person's name, what to send, and today's plan one tap away. */
function greeting(person: Person, t: Messages): Reply[] {
  const w = t.channels.wecom;
  return [
    {
      kind: "choices",
      text: `${w.greetingTitle(person.name)}\n${w.greetingText}`,
      choices: [{ label: w.planButton, value: t.channels.slashCommands.plan }],
    },
  ];
}

function strangerReply(): Reply {
  return { kind: "text", text: inEveryLanguage((t) => t.core.unknownSender) };
}

/** A video, file or link: the core reads voice notes, photos and locations only. */
function notYet(t: Messages): Reply {
  return { kind: "text", text: t.channels.wecom.notYet };
}
