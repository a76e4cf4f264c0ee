/**
 * Starts every configured chat channel beside the web chat. Each starts on its own: one that fails
 * (a bad token, an unreachable puppet service) is logged with the reason and the others keep running;
 * one that is slow to start is registered whenever it is ready.
 */
import type http from "node:http";
import type { Config } from "../config/config.js";
import type { Bot } from "../core/bot.js";
import type { ChannelRegistry, OutboundChannel } from "../core/channel.js";
import type { ChannelName, Reply } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import type { Logger } from "../log.js";
import type { RosterStore } from "../store/roster-store.js";
import { SLACK_EVENTS_PATH } from "./slack/slack-receiver.js";
import { slackTransport, startSlack } from "./slack/start-slack.js";
import { startWechat, type PuppetInstance } from "./wechat/start-wechat.js";

export interface StartChannelsDeps {
  config: Config;
  bot: Bot;
  roster: RosterStore;
  logger: Logger;
  /** Each started channel's outbound side is registered here (pushes, the outbox). */
  registry: ChannelRegistry;
  /** Slack App Home content (today's plan). */
  homeView?: (person: Person) => Promise<Reply[]>;
  /** Tests: a puppet instead of WECHATY_PUPPET's module. */
  wechatPuppet?: PuppetInstance;
  /** Stop waiting for a channel after this long; it is still registered if it starts later (default 30 s). */
  startTimeoutMs?: number;
}

export interface RunningChannels {
  /** For the web server's `extraRoutes`: Slack's HTTP events (503 while Slack is starting or if it failed). */
  routes(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
  /** Resolves once every configured channel has started, failed or timed out; never rejects. */
  ready: Promise<void>;
  /** The channels that are running now. */
  started(): ChannelName[];
  stop(): Promise<void>;
}

interface Started {
  channel: OutboundChannel;
  routes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  stop(): Promise<void>;
}

export function startChannels(deps: StartChannelsDeps): RunningChannels {
  const { config, logger } = deps;
  const running = new Map<ChannelName, Started>();
  const starting: Promise<void>[] = [];
  /** Each start attempt, settled (started, failed or stopped again). */
  const attempts: Promise<void>[] = [];
  const timeoutMs = deps.startTimeoutMs ?? 30_000;
  let stopped = false;

  function launch(name: ChannelName, start: () => Promise<Started>): void {
    logger.info({ channel: name }, `starting the ${name} channel`);
    const attempt = start().then(
      async (channel) => {
        if (stopped) return channel.stop();
        running.set(name, channel);
        deps.registry.register(channel.channel);
        logger.info({ channel: name }, `${name} channel running`);
      },
      (error: unknown) => {
        logger.error({ channel: name, err: error }, `${name} channel failed to start; the other channels keep running: ${(error as Error)?.message ?? error}`);
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn({ channel: name, afterMs: timeoutMs }, `${name} channel is still starting; it will be registered when ready`);
        resolve();
      }, timeoutMs);
      timer.unref();
    });
    starting.push(Promise.race([attempt, timeout]).finally(() => clearTimeout(timer)));
    attempts.push(attempt);
  }

  const slackMode = slackTransport(config);
  if (slackMode) {
    launch("slack", () =>
      startSlack({ config, bot: deps.bot, roster: deps.roster, logger, homeView: deps.homeView }),
    );
  } else if (config.SLACK_BOT_TOKEN) {
    logger.warn("SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; Slack stays off");
  }
  if (config.WECHATY_PUPPET || deps.wechatPuppet) {
    launch("wechat", () =>
      startWechat({ config, bot: deps.bot, roster: deps.roster, logger, puppet: deps.wechatPuppet }),
    );
  }
  if (!starting.length) logger.info("no Slack or WeChat configured; the web chat runs alone");

  return {
    ready: Promise.all(starting).then(() => undefined),
    started: () => [...running.keys()],
    async routes(req, res) {
      const slack = running.get("slack");
      if (slack?.routes) return slack.routes(req, res);
      if (slackMode === "http" && new URL(req.url ?? "/", "http://localhost").pathname === SLACK_EVENTS_PATH) {
        // Slack retries on 5xx, so nothing is lost while the app comes up.
        res.writeHead(503, { "Retry-After": "5", "Content-Type": "text/plain; charset=utf-8" });
        res.end("Slack channel not running");
        return true;
      }
      return false;
    },
    async stop() {
      stopped = true;
      // Let starts in progress settle first, so nothing keeps running behind our back.
      await Promise.allSettled(attempts);
      const all = [...running.entries()];
      running.clear();
      await Promise.all(
        all.map(([name, channel]) =>
          channel.stop().catch((error: unknown) => logger.warn({ channel: name, err: error }, `${name} channel did not stop cleanly`)),
        ),
      );
    },
  };
}
