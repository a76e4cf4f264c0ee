/**
 * Starts every channel of the list that the configuration turns on, beside the shared web server.
 * Each starts on its own: one that fails (a bad token, an unreachable puppet service) is logged with
 * the reason and the others keep running; one that is slow to start is registered whenever it is ready.
 */
import type http from "node:http";
import type { Config } from "../config/config.js";
import type { Bot } from "../core/bot.js";
import type { ChannelName, Reply } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import type { Logger } from "../log.js";
import type { RosterStore } from "../store/roster-store.js";
import type { AnyChannelPlugin, HttpRoute, RunningChannel, SharedValues } from "./channel-plugin.js";
import type { ChannelRegistry } from "./outbound.js";
import { Pacer } from "./pacer.js";
import { catalogueFor } from "./sender-language.js";
import { MemorySharedValues, namespaced } from "./shared-values.js";
import type { LiveFeed } from "./web/live-feed.js";

export interface StartChannelsDeps {
  /** The channels that may run (src/channels/index.ts's CHANNELS); each starts when `enabled` says so. */
  channels: readonly AnyChannelPlugin[];
  config: Config;
  bot: Bot;
  roster: RosterStore;
  logger: Logger;
  /** Each started channel's outbound side is registered here (pushes, the outbox). */
  registry: ChannelRegistry;
  /** Open web chat pages: the web channel's outbound side. */
  liveFeed: LiveFeed;
  /** A person's home view (Slack's App Home): today's plan. Default: a hint of what to send. */
  homeView?: (person: Person) => Promise<Reply[]>;
  /** Values the instances share (the database's SharedValue table); default: this process's memory. */
  shared?: SharedValues;
  /** Stop waiting for a channel after this long; it is still registered if it starts later (default 30 s). */
  startTimeoutMs?: number;
}

export interface RunningChannels {
  /** For the web server's `extraRoutes`: the channels' own paths (503 while their channel starts or if it failed). */
  routes: HttpRoute;
  /** Resolves once every enabled channel has started, failed or timed out; never rejects. */
  ready: Promise<void>;
  /** The channels that are running now. */
  started(): ChannelName[];
  /** Resolves when every running channel has handled what it received and sent what it was given. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
/** How soon a platform should retry a request that met a channel still starting. */
const RETRY_AFTER_SECONDS = 5;

export function startChannels(deps: StartChannelsDeps): RunningChannels {
  const { config, logger } = deps;
  const running = new Map<ChannelName, RunningChannel>();
  const starting: Promise<void>[] = [];
  /** Each start attempt, settled (started, failed or stopped again). */
  const attempts: Promise<void>[] = [];
  /** Paths on the shared server, by the channel that serves them. */
  const owners = new Map<string, ChannelName>();
  const timeoutMs = deps.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const homeView =
    deps.homeView ??
    (async (person: Person) => [{ kind: "text", text: catalogueFor(person).channels.homeHint } satisfies Reply]);
  const shared = deps.shared ?? new MemorySharedValues();
  let stopped = false;

  function launch(plugin: AnyChannelPlugin): void {
    const { name } = plugin;
    for (const path of plugin.paths?.(config) ?? []) owners.set(path, name);
    logger.info({ channel: name }, `starting the ${name} channel`);
    const attempt = plugin
      .start({
        config,
        publicUrl: config.PUBLIC_URL,
        bot: deps.bot,
        roster: deps.roster,
        logger: logger.child({ channel: name }),
        pacer: new Pacer(plugin.pacingFor?.(config) ?? plugin.pacing),
        liveFeed: deps.liveFeed,
        homeView,
        shared: namespaced(shared, name),
      })
      .then(
        async (channel) => {
          if (stopped) return channel.stop();
          running.set(name, channel);
          deps.registry.register({
            name,
            addressing: plugin.addressing,
            send: (to, replies) => channel.send(to, replies),
          });
          logger.info({ channel: name }, `${name} channel running`);
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          logger.error(
            { channel: name, err: error },
            `${name} channel failed to start; the other channels keep running: ${reason}`,
          );
        },
      );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn(
          { channel: name, afterMs: timeoutMs },
          `${name} channel is still starting; it will be registered when ready`,
        );
        resolve();
      }, timeoutMs);
      timer.unref();
    });
    starting.push(Promise.race([attempt, timeout]).finally(() => clearTimeout(timer)));
    attempts.push(attempt);
  }

  const enabled = deps.channels.filter((plugin) => plugin.enabled(config));
  logger.info(
    { channels: enabled.map((p) => p.name) },
    `channels configured: ${enabled.map((p) => p.name).join(", ") || "none"}`,
  );
  for (const plugin of enabled) launch(plugin);

  return {
    ready: Promise.all(starting).then(() => undefined),
    started: () => [...running.keys()],
    async idle() {
      await Promise.all([...running.values()].map((channel) => channel.idle?.()));
    },
    async routes(req: http.IncomingMessage, res: http.ServerResponse) {
      const owner = owners.get(new URL(req.url ?? "/", "http://localhost").pathname);
      if (owner === undefined) return false;
      const route = running.get(owner)?.route;
      if (route) return route(req, res);
      // Slack (and WeCom) retry on 5xx, so nothing is lost while the channel comes up.
      res.writeHead(503, { "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8" });
      res.end(`${owner} channel not running`);
      return true;
    },
    async stop() {
      stopped = true;
      // Let starts in progress settle first, so nothing keeps running behind our back.
      await Promise.allSettled(attempts);
      const all = [...running.entries()];
      running.clear();
      await Promise.all(
        all.map(([name, channel]) =>
          channel
            .stop()
            .catch((error: unknown) =>
              logger.warn({ channel: name, err: error }, `${name} channel did not stop cleanly`),
            ),
        ),
      );
    },
  };
}
