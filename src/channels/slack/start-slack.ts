/**
 * The Slack channel: a Bolt app whose listeners turn DMs, @mentions, button clicks and
 * `/fieldmate` into InboundMessages for the core and post its replies as Block Kit; App Home shows
 * today's plan; pushes go out as DMs. Transport: Socket Mode with SLACK_APP_TOKEN, otherwise HTTP
 * events on the web chat's server (the returned `routes`).
 */
import { App, SocketModeReceiver, webApi, type BlockAction, type ButtonAction, type Receiver } from "@slack/bolt";
import type http from "node:http";
import type { Config } from "../../config/config.js";
import type { Bot } from "../../core/bot.js";
import type { OutboundChannel } from "../../core/channel.js";
import { helpText, UNKNOWN_SENDER_TEXT } from "../../help/help.js";
import type { InboundMessage, Reply } from "../../domain/messages.js";
import type { Lang, Person } from "../../domain/roster.js";
import type { Logger } from "../../log.js";
import type { RosterStore } from "../../store/roster-store.js";
import { ACTION_ID_PATTERN, markAnswered, renderHome, type Block } from "./block-kit.js";
import { boltLogger } from "./bolt-logger.js";
import { SlackIdentities } from "./slack-identity.js";
import { retryOnceWhenRateLimited, SlackPoster, slackOutboundChannel, type SlackTarget } from "./slack-poster.js";
import { SlackHttpReceiver } from "./slack-receiver.js";
import { fromSlackText } from "./slack-text.js";
import { slashCommandText } from "./slash-command.js";

export interface StartSlackDeps {
  config: Config;
  bot: Bot;
  roster: RosterStore;
  logger: Logger;
  /** What App Home shows a person (today's plan); default: the help text. */
  homeView?: (person: Person) => Promise<Reply[]>;
  /** Overrides for tests: how long before an unacknowledged HTTP request is answered anyway. */
  ackTimeoutMs?: number;
}

export interface SlackChannel {
  /** "slack": pushes as DMs. */
  channel: OutboundChannel;
  transport: SlackTransport;
  /** HTTP mode: POST /slack/events, for the web server's `extraRoutes`. Absent in Socket Mode. */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  botUserId: string;
  /** Resolves when every event received so far has been handled (tests; graceful shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export type SlackTransport = "socket" | "http";

/** Which transport the configuration asks for; null when Slack is not configured. */
export function slackTransport(config: Pick<Config, "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN" | "SLACK_SIGNING_SECRET">): SlackTransport | null {
  if (!config.SLACK_BOT_TOKEN) return null;
  if (config.SLACK_APP_TOKEN) return "socket";
  if (config.SLACK_SIGNING_SECRET) return "http";
  return null;
}

const ERROR_TEXT = "出错了，请稍后重试。 / Something went wrong; please try again.";

/** Starts the Slack channel; throws (with Slack's reason) when the token does not work. */
export async function startSlack(deps: StartSlackDeps): Promise<SlackChannel> {
  const { config, bot, roster } = deps;
  const transport = slackTransport(config);
  if (!transport || !config.SLACK_BOT_TOKEN) {
    throw new Error("Slack needs SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP events)");
  }
  const logger = deps.logger.child({ channel: "slack" });
  const slackLogger = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {}),
    logger: slackLogger,
    // 429s go back to the caller: the outbox reschedules pushes, replies wait once (see slack-poster.ts).
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    timeout: 15_000,
  };

  // Checking the token ourselves gives a clear start-up error, and the bot's ids for Bolt's ignoreSelf.
  const auth = await new webApi.WebClient(config.SLACK_BOT_TOKEN, clientOptions).auth.test();
  if (!auth.user_id || !auth.bot_id) throw new Error("Slack auth.test did not name the bot user; is SLACK_BOT_TOKEN a bot token (xoxb-)?");
  const botUserId = auth.user_id;

  const httpReceiver =
    transport === "http"
      ? new SlackHttpReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, logger, ackTimeoutMs: deps.ackTimeoutMs })
      : null;
  const receiver: Receiver = httpReceiver ?? new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger: slackLogger });
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    botId: auth.bot_id,
    botUserId,
    receiver,
    logger: slackLogger,
    clientOptions,
    convoStore: false,
  });

  const poster = new SlackPoster(app.client, { publicUrl: config.PUBLIC_URL, logger });
  const identities = new SlackIdentities(roster, app.client, logger);
  const homeView = deps.homeView ?? (async (person: Person) => [{ kind: "text", text: helpText(person.lang, person.role) } satisfies Reply]);

  const work = new Set<Promise<unknown>>();
  /** Listener bodies run tracked, so `idle()` and `stop()` can wait for them. */
  const track = (promise: Promise<unknown>) => {
    const tracked = promise.finally(() => work.delete(tracked));
    work.add(tracked);
    return tracked;
  };

  /** One message for the core, its replies back to Slack; failures get a short apology and a log line. */
  async function converse(message: Omit<InboundMessage, "channel">, target: SlackTarget): Promise<void> {
    const log = logger.child({ slackUser: message.externalUserId, messageId: message.externalMessageId });
    let lang: Lang = "zh";
    try {
      const person = await identities.ensure(message.externalUserId);
      lang = person?.lang ?? lang;
      const replies = await bot.handle({ ...message, channel: "slack" });
      await retryOnceWhenRateLimited(() => poster.post(target, replies, lang), log);
      log.info({ replies: replies.length, person: person?.id ?? null }, "Slack message handled");
    } catch (error) {
      log.error({ err: error }, "Slack message failed");
      await poster.post(target, [{ kind: "text", text: ERROR_TEXT }], lang).catch(() => undefined);
    }
  }

  // Direct messages. Edits, joins and bot posts arrive as subtypes; a file with a caption is `file_share`.
  app.event("message", async ({ event }) => {
    const e = event as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
    if (e.channel_type !== "im" || e.bot_id || !e.user) return;
    if (e.subtype !== undefined && e.subtype !== "file_share") return;
    await track(
      converse(
        {
          externalUserId: e.user,
          // Channel + ts names the message itself: the same for Slack's retries and for the same
          // message delivered again as an app_mention.
          externalMessageId: `msg:${e.channel}:${e.ts}`,
          text: fromSlackText(e.text ?? "", botUserId),
          receivedAt: slackTime(e.ts),
        },
        { kind: "conversation", channel: e.channel, threadTs: e.thread_ts },
      ),
    );
  });

  // @Fieldmate in a channel: answered in a thread, so the channel is not flooded.
  app.event("app_mention", async ({ event }) => {
    if (event.bot_id || !event.user) return;
    await track(
      converse(
        {
          externalUserId: event.user,
          externalMessageId: `msg:${event.channel}:${event.ts}`,
          text: fromSlackText(event.text, botUserId),
          receivedAt: slackTime(event.ts),
        },
        { kind: "conversation", channel: event.channel, threadTs: event.thread_ts ?? event.ts },
      ),
    );
  });

  // Choice and card buttons: the button's value goes to the core as if typed.
  app.action<BlockAction<ButtonAction>>(ACTION_ID_PATTERN, async ({ ack, body, action, respond }) => {
    await ack();
    if (action.type !== "button" || action.value === undefined) return;
    const userId = body.user.id;
    const container = body.container as { type?: string; channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
    const inMessage = container.type === "message" && container.channel_id && !container.is_ephemeral;
    const target: SlackTarget = inMessage
      ? { kind: "conversation", channel: container.channel_id!, threadTs: container.thread_ts }
      : container.is_ephemeral && body.response_url
        ? { kind: "respond", respond, userId }
        : { kind: "user", userId };
    await track(
      (async () => {
        if (inMessage && body.message) await markChoice(body, action, container.channel_id!);
        await converse(
          {
            externalUserId: userId,
            // Slack does not redeliver interactions; action_ts is unique to the click.
            externalMessageId: `act:${userId}:${action.action_id}:${action.action_ts}`,
            text: action.value!,
            receivedAt: slackTime(action.action_ts),
          },
          target,
        );
      })(),
    );
  });

  async function markChoice(body: BlockAction, action: ButtonAction, channel: string): Promise<void> {
    const message = body.message as { ts: string; text?: string; blocks?: Block[] } | undefined;
    if (!message?.blocks) return;
    try {
      await app.client.chat.update({
        channel,
        ts: message.ts,
        text: message.text ?? "",
        blocks: markAnswered(message.blocks, action.block_id, action.text.text),
      });
    } catch (error) {
      logger.warn({ err: error }, "could not mark the clicked button as answered");
    }
  }

  // /fieldmate plan | status | help | anything typed: answered privately where it was typed.
  app.command(/.*/, async ({ ack, command, respond }) => {
    await ack();
    await track(
      (async () => {
        const person = await identities.ensure(command.user_id);
        await converse(
          {
            externalUserId: command.user_id,
            externalMessageId: `cmd:${command.trigger_id}`,
            text: slashCommandText(command.text ?? "", person?.lang ?? "zh"),
            receivedAt: new Date(),
          },
          { kind: "respond", respond, userId: command.user_id },
        );
      })(),
    );
  });

  // App Home: today's plan (or whatever homeView shows), refreshed each time the tab is opened.
  app.event("app_home_opened", async ({ event }) => {
    if (event.tab !== "home") return;
    await track(
      (async () => {
        try {
          const person = await identities.ensure(event.user);
          const replies: Reply[] = person ? await homeView(person) : [{ kind: "text", text: UNKNOWN_SENDER_TEXT }];
          const lang = person?.lang ?? "zh";
          const title = lang === "zh" ? "Fieldmate 今日" : "Fieldmate today";
          await app.client.views.publish({
            user_id: event.user,
            view: { type: "home", blocks: renderHome(title, replies, { lang, publicUrl: config.PUBLIC_URL }) },
          });
        } catch (error) {
          logger.error({ err: error, slackUser: event.user }, "App Home could not be published");
        }
      })(),
    );
  });

  app.error(async (error) => {
    logger.error({ err: error }, "Slack app error");
  });

  await app.start();
  logger.info({ transport, team: auth.team, botUser: botUserId }, "Slack connected");

  const idle = async () => {
    await httpReceiver?.idle();
    while (work.size) await Promise.allSettled([...work]);
  };
  return {
    channel: slackOutboundChannel(poster, roster),
    transport,
    ...(httpReceiver ? { routes: httpReceiver.route } : {}),
    botUserId,
    idle,
    async stop() {
      await app.stop().catch((error: unknown) => logger.warn({ err: error }, "Slack app did not stop cleanly"));
      await idle();
      logger.info("Slack stopped");
    },
  };
}

/** Slack's "1700000000.000100" timestamps: seconds with microseconds. */
function slackTime(ts: string): Date {
  const seconds = Number(ts);
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)) : new Date();
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
