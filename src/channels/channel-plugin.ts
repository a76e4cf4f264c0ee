/**
 * What a channel is to the rest of Fieldmate: one `ChannelPlugin` per folder under src/channels/,
 * listed once in src/channels/index.ts. The plugin declares its environment variables, when they
 * turn it on, what it can show, how fast it may send, and how to start it; everything else about
 * the platform (its SDK, signatures, rendering) stays inside its folder.
 *
 * A plugin module must stay light: config.ts and the CLI read the list, so the platform's SDK is
 * imported inside `start` (`await import("./start-x.js")`), never at the top of the plugin file.
 */
import type http from "node:http";
import type { z } from "zod";
import type { Bot } from "../core/bot.js";
import type { ChannelCapabilities, ChannelName, Reply } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import type { Logger } from "../log.js";
import type { RosterStore } from "../store/roster-store.js";
import type { Addressing } from "./outbound.js";
import type { Pacer, PacingLimits } from "./pacer.js";
import type { LiveFeed } from "./web/live-feed.js";

/** What a channel can show, as handlers see it, plus how long one message may be before it is split. */
export interface PluginCapabilities extends ChannelCapabilities {
  /** The longest text sent as one platform message; the channel splits longer ones. */
  readonly maxTextLength: number;
}

/**
 * Small values every instance of the app shares through the database, each until it expires
 * (src/store/shared-value-store.ts): a platform's access token, a one-off claim, a push's progress.
 * A channel sees its own keys only (startChannels prefixes them with the channel's name).
 */
export interface SharedValues {
  /** The live value under `key`; null when there is none or it has expired. */
  get(key: string): Promise<{ value: string; expiresAt: Date } | null>;
  /** Stores `value` under `key` until `expiresAt`, replacing what was there. */
  put(key: string, value: string, expiresAt: Date): Promise<void>;
  /** Stores `value` only when `key` holds no live value: true for the one caller (of all instances) that stored it. */
  claim(key: string, value: string, expiresAt: Date): Promise<boolean>;
}

/** Answers a request on the shared web server; false when the path is not its own. */
export type HttpRoute = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

/** A plugin's own variables, parsed. */
type ConfigOf<Shape extends z.ZodRawShape> = z.output<z.ZodObject<Shape>>;

export interface ChannelStartDeps<Config> {
  /** The channel's own variables (its part of the app's configuration). */
  config: Config;
  /** PUBLIC_URL: where this server's /files/ links can be reached from outside, when set. */
  publicUrl: string | null;
  /** The core: one InboundMessage in, its replies out. */
  bot: Bot;
  /** People and their linked identities. */
  roster: RosterStore;
  /** Already tagged with the channel's name. */
  logger: Logger;
  /** The channel's pacing (its declared `pacing`): every message sent to a person goes through it. */
  pacer: Pacer;
  /** Open web chat pages, by person. */
  liveFeed: LiveFeed;
  /** What a person sees when they open the bot's home (Slack's App Home): today's plan. */
  homeView: (person: Person) => Promise<Reply[]>;
  /** Values shared with the channel's other instances (WeCom's access token), under the channel's own keys. */
  shared: SharedValues;
}

/** A started channel. */
export interface RunningChannel {
  /** Outbound: replies to a person on this platform (pushes, notifications), paced with `deps.pacer`. */
  send(externalUserId: string, replies: Reply[]): Promise<void>;
  /** Its requests on the shared web server (Slack's events), when it takes any. */
  route?: HttpRoute;
  /** Resolves when everything received so far has been handled and answered (tests, shutdown). */
  idle?(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChannelPlugin<Shape extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: ChannelName;
  /** Its environment variables; config/config.ts merges every plugin's into the app's one schema. */
  readonly config: z.ZodObject<Shape>;
  /** Which of them hold secrets: redacted from logs, never echoed in a configuration error. */
  readonly secrets: readonly (keyof Shape & string)[];
  /** Rules across its variables; a `problem` stops start-up with a message naming the variable. */
  checkConfig?(config: ConfigOf<Shape>, problem: (variable: keyof Shape & string, message: string) => void): void;
  /** Whether the configuration turns it on. */
  enabled(config: ConfigOf<Shape>): boolean;
  /** The paths it serves on the shared web server: answered 503 while it starts or is down, so the platform retries. */
  paths?(config: ConfigOf<Shape>): readonly string[];
  readonly addressing: Addressing;
  readonly capabilities: PluginCapabilities;
  /** How fast it may send; the pacer in its start deps applies these. */
  readonly pacing: PacingLimits;
  /** Its pacing under this configuration, when its variables set it (Slack's messages a minute). */
  pacingFor?(config: ConfigOf<Shape>): PacingLimits;
  /** Starts it; throws (with the platform's reason) when it cannot run. */
  start(deps: ChannelStartDeps<ConfigOf<Shape>>): Promise<RunningChannel>;
}

/**
 * A plugin whatever its variables: the type of a channel list. A mapped type, so that each plugin
 * is checked member by member (ChannelPlugin<Shape> itself is invariant in Shape).
 */
export type AnyChannelPlugin = { [K in keyof ChannelPlugin]: ChannelPlugin[K] };
