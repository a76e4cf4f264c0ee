/**
 * The Slack channel: a Bolt app whose listeners turn DMs, @mentions, button clicks and
 * `/fieldmate` into InboundMessages for the core and post its replies as Block Kit; App Home shows
 * today's plan; pushes go out as DMs, paced. Whatever is asked in a channel is answered in a DM
 * (personal and team data never lands in a channel), with one line in the thread saying so. Transport: Socket Mode with SLACK_APP_TOKEN, otherwise
 * HTTP events on the shared web server (the returned `route`).
 */
import { App, type BlockAction, type ButtonAction, type Receiver, SocketModeReceiver, webApi } from "@slack/bolt";
import type { InboundMessage, Reply } from "../../domain/messages.js";
import type { Person } from "../../domain/roster.js";
import { inEveryLanguage } from "../../locales/index.js";
import { lazyChild } from "../../log.js";
import type { ChannelStartDeps, HttpRoute, RunningChannel } from "../channel-plugin.js";
import { catalogueFor } from "../sender-language.js";
import { ACTION_ID_PATTERN, type Block, markAnswered, renderHome } from "./block-kit.js";
import { boltLogger } from "./bolt-logger.js";
import { type SlackConfig, type SlackTransport, slackTransport } from "./slack-config.js";
import { SlackIdentities } from "./slack-identity.js";
import { type SlackFile, slackFileContent } from "./slack-media.js";
import { retryOnceWhenRateLimited, SlackPoster, type SlackTarget } from "./slack-poster.js";
import { markStored, SlackHttpReceiver } from "./slack-receiver.js";
import { fromSlackText } from "./slack-text.js";
import { slashCommandText } from "./slash-command.js";

type StartSlackDeps = Omit<ChannelStartDeps<SlackConfig>, "liveFeed" | "shared"> & {
  /** Tests: how long before an unacknowledged HTTP request is answered anyway. */
  ackTimeoutMs?: number;
};

export interface SlackChannel extends RunningChannel {
  transport: SlackTransport;
  /** HTTP mode: POST /slack/events on the shared web server. Absent in Socket Mode. */
  route?: HttpRoute;
  botUserId: string;
  /** Resolves when every event received so far has been handled and every push sent. */
  idle(): Promise<void>;
}

/** Web API calls: retried twice on network errors, 500 ms then 1 s, never longer than 2 s apart. */
const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 };
const WEB_API_TIMEOUT_MS = 15_000;

/** Starts the Slack channel; throws (with Slack's reason) when the token does not work. */
export async function startSlack(deps: StartSlackDeps): Promise<SlackChannel> {
  const { config, bot, roster, pacer } = deps;
  const transport = slackTransport(config);
  if (!transport || !config.SLACK_BOT_TOKEN) {
    throw new Error(
      "Slack needs SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP events)",
    );
  }
  const logger = deps.logger;
  const slackLogger = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {}),
    logger: slackLogger,
    // 429s go back to the caller: the outbox reschedules pushes, replies wait once (see slack-poster.ts).
    rejectRateLimitedCalls: true,
    retryConfig: RETRY_CONFIG,
    timeout: WEB_API_TIMEOUT_MS,
  };

  // Checking the token ourselves gives a clear start-up error, and the bot's ids for Bolt's ignoreSelf.
  const auth = await new webApi.WebClient(config.SLACK_BOT_TOKEN, clientOptions).auth.test();
  if (!auth.user_id || !auth.bot_id)
    throw new Error("Slack auth.test did not name the bot user; is SLACK_BOT_TOKEN a bot token (xoxb-)?");
  const botUserId = auth.user_id;

  const { SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = config;
  const httpReceiver =
    transport === "http" && signingSecret
      ? new SlackHttpReceiver({ signingSecret, logger, ackTimeoutMs: deps.ackTimeoutMs })
      : null;
  const socketReceiver =
    transport === "socket" && appToken ? new SocketModeReceiver({ appToken, logger: slackLogger }) : null;
  const receiver: Receiver | null = httpReceiver ?? socketReceiver;
  // slackTransport chose "http" only with a signing secret and "socket" only with an app token.
  if (!receiver) throw new Error(`Slack ${transport} transport has no secret to start with`);
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    botId: auth.bot_id,
    botUserId,
    receiver,
    logger: slackLogger,
    clientOptions,
    convoStore: false,
  });

  const poster = new SlackPoster(app.client, { publicUrl: deps.publicUrl, logger });
  const identities = new SlackIdentities(roster, app.client, logger);

  const work = new Set<Promise<unknown>>();
  /** Listener bodies run tracked, so `idle()` and `stop()` can wait for them. */
  const track = (promise: Promise<unknown>) => {
    const tracked = promise.finally(() => work.delete(tracked));
    work.add(tracked);
    return tracked;
  };

  /**
   * One message for the core, its replies back to Slack; failures get a short apology and a log line.
   * `groupNote`: where the question was asked in a channel; the answer goes to `target` (a DM) and
   * the thread gets one line saying so.
   */
  async function converse(
    message: Omit<InboundMessage, "channel">,
    target: SlackTarget,
    groupNote?: SlackTarget,
    /** The event's body: Slack is acknowledged once the message is stored (HTTP mode). */
    eventBody?: unknown,
  ): Promise<void> {
    const log = lazyChild(logger, { slackUser: message.externalUserId, messageId: message.externalMessageId });
    let person: Person | null = null;
    try {
      person = await identities.ensure(message.externalUserId);
      const inbound: InboundMessage = { ...message, channel: "slack" };
      const accepted = bot.accept ? await bot.accept(inbound) : { replies: bot.handle(inbound) };
      if (eventBody) markStored(eventBody);
      const replies = await accepted.replies;
      // A retry that arrived while the first delivery is handled: that delivery posts the replies.
      if (accepted.echo) return;
      const t = catalogueFor(person);
      await retryOnceWhenRateLimited(() => poster.post(target, replies, t), log);
      if (groupNote && replies.length) {
        await retryOnceWhenRateLimited(
          () => poster.post(groupNote, [{ kind: "text", text: t.channels.answeredPrivately }], t),
          log,
        );
      }
      log.info(
        { replies: replies.length, person: person?.id ?? null, private: Boolean(groupNote) },
        "Slack message handled",
      );
    } catch (error) {
      log.error({ err: error }, "Slack message failed");
      await poster
        .post(target, [{ kind: "text", text: failedText(person) }], catalogueFor(person))
        .catch(() => undefined);
    }
  }

  // Direct messages. Edits, joins and bot posts arrive as subtypes; a file with a caption is `file_share`.
  app.event("message", async ({ event, body }) => {
    const e = event as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      user?: string;
      text?: string;
      channel: string;
      ts: string;
      thread_ts?: string;
      files?: SlackFile[];
    };
    if (e.channel_type !== "im" || e.bot_id || !e.user) return;
    if (e.subtype !== undefined && e.subtype !== "file_share") return;
    const user = e.user;
    await track(
      (async () => {
        // An audio clip or photo is fetched by the core once the message is stored (slack-media.ts).
        const media = e.files?.length ? slackFileContent(e.files, config.SLACK_BOT_TOKEN ?? "", logger) : null;
        await converse(
          {
            externalUserId: user,
            // Channel + ts names the message itself: the same for Slack's retries and for the same
            // message delivered again as an app_mention.
            externalMessageId: `msg:${e.channel}:${e.ts}`,
            text: fromSlackText(e.text ?? "", botUserId),
            receivedAt: slackTime(e.ts),
            ...media,
          },
          { kind: "conversation", channel: e.channel, threadTs: e.thread_ts },
          undefined,
          body,
        );
      })(),
    );
  });

  // @Fieldmate in a channel: answered in a DM (others in the channel must not see a person's or a
  // team's data, an export least of all), with a one-line note in a thread, so the channel is not flooded.
  app.event("app_mention", async ({ event, body }) => {
    if (event.bot_id || !event.user) return;
    const thread: SlackTarget = { kind: "conversation", channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    const direct = isDirectConversation(event.channel);
    await track(
      converse(
        {
          externalUserId: event.user,
          externalMessageId: `msg:${event.channel}:${event.ts}`,
          text: fromSlackText(event.text, botUserId),
          receivedAt: slackTime(event.ts),
        },
        direct ? thread : { kind: "user", userId: event.user },
        direct ? undefined : thread,
        body,
      ),
    );
  });

  // Choice and card buttons: the button's value goes to the core as if typed.
  app.action<BlockAction<ButtonAction>>(ACTION_ID_PATTERN, async ({ ack, body, action, respond }) => {
    await ack();
    if (action.type !== "button" || action.value === undefined) return;
    const text = action.value;
    const userId = body.user.id;
    const container = body.container as {
      type?: string;
      channel_id?: string;
      message_ts?: string;
      thread_ts?: string;
      is_ephemeral?: boolean;
    };
    const channel = container.type === "message" && !container.is_ephemeral ? container.channel_id : undefined;
    // A button in a channel (never ours to post, but older messages may carry one) is answered in a DM too.
    const target: SlackTarget =
      channel && isDirectConversation(channel)
        ? { kind: "conversation", channel, threadTs: container.thread_ts }
        : container.is_ephemeral && body.response_url
          ? { kind: "respond", respond, userId }
          : { kind: "user", userId };
    await track(
      (async () => {
        if (channel && body.message) await markChoice(body, action, channel);
        await converse(
          {
            externalUserId: userId,
            // Slack does not redeliver interactions; action_ts is unique to the click.
            externalMessageId: `act:${userId}:${action.action_id}:${action.action_ts}`,
            text,
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
            text: slashCommandText(command.text ?? "", catalogueFor(person)),
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
          const replies: Reply[] = person
            ? await deps.homeView(person)
            : [{ kind: "text", text: inEveryLanguage((t) => t.core.unknownSender) }];
          const t = catalogueFor(person);
          await app.client.views.publish({
            user_id: event.user,
            view: { type: "home", blocks: renderHome(t.channels.homeTitle, replies, { t, publicUrl: deps.publicUrl }) },
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
    await pacer.idle();
  };
  return {
    /** A push: a DM to the linked Slack user, paced. */
    async send(userId, replies) {
      const t = catalogueFor(await roster.personByIdentity("slack", userId));
      await pacer.run(userId, () => poster.post({ kind: "user", userId }, replies, t));
    },
    transport,
    ...(httpReceiver ? { route: httpReceiver.route } : {}),
    botUserId,
    idle,
    async stop() {
      await app.stop().catch((error: unknown) => logger.warn({ err: error }, "Slack app did not stop cleanly"));
      await idle();
      logger.info("Slack stopped");
    },
  };
}

/** What to say when a message could not be answered: in the person's language, or every language for a stranger. */
function failedText(person: Person | null): string {
  return person ? catalogueFor(person).channels.failed : inEveryLanguage((t) => t.channels.failed);
}

/** A direct message with the bot: Slack's ids for those start with D (channels with C, private groups with G). */
function isDirectConversation(channelId: string): boolean {
  return channelId.startsWith("D");
}

/** Slack's "1700000000.000100" timestamps: seconds with microseconds. */
function slackTime(ts: string): Date {
  const seconds = Number(ts);
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)) : new Date();
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
