/**
 * The process's configuration, read once from the environment through one zod schema: the app's
 * own settings here, and each channel's variables from its plugin (src/channels/index.ts).
 * Every variable is documented in .env.example; a bad value stops start-up with a message naming it.
 */
import { existsSync } from "node:fs";
import { z } from "zod";
import type { AnyChannelPlugin, ChannelPlugin } from "../channels/channel-plugin.js";
import { CHANNELS } from "../channels/index.js";
import { flag, optionalText, timeZone, unsetIfEmpty } from "./variables.js";

const appVariables = {
  DATABASE_URL: z
    .string()
    .default("file:./data/fieldmate.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  /** The shared web server: the web chat, and the routes channels mount on it (Slack's events). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** The time zone of teams and people that name none (roster import, reports). */
  TZ_DEFAULT: timeZone.default("Asia/Shanghai"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Anyone may pick anyone in the web chat: loopback only, and never beside chat credentials (serving.ts). */
  DEMO_MODE: flag(true),
  LOAD_DEMO_DATA: flag(true),
  /** Where people and Slack reach this server (https://fieldmate.acme.com): sign-in links, file links, the Host check. */
  PUBLIC_URL: optionalText.refine((u) => u === null || /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(u), {
    message: "must be an http(s) URL such as https://fieldmate.example.com",
  }),
  /** How long a web chat sign-in lasts. */
  WEB_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Signs session cookies; default: a secret the server makes once and keeps in the database. */
  SESSION_SECRET: optionalText.refine((v) => v === null || v.length >= 32, {
    message: "must be at least 32 characters",
  }),
  /** Signs /files/ links (charts, exports); default: a secret kept in the database, shared by every instance. */
  FILES_SECRET: optionalText.refine((v) => v === null || v.length >= 32, { message: "must be at least 32 characters" }),
  /** How long a chart or export link works. */
  FILES_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (for per-address rate limits). */
  TRUST_PROXY: flag(false),
  LLM_BASE_URL: optionalText,
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  PARSE_MODE: z.enum(["rules", "llm", "hybrid"]).optional(),
  /** How the model is asked for structured output; many self-hosted endpoints lack json_schema. */
  LLM_STRUCTURED_OUTPUT: z.enum(["jsonSchema", "functionCalling", "jsonMode"]).default("jsonSchema"),
  SCHEDULER: flag(true),
  /** How long a stored message is its instance's to handle before another may take it over (after a crash). */
  INBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** How often messages a crash left unhandled are looked for (and once at start). */
  INBOX_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** The longest a push may take on a chat platform before its outcome counts as unknown. */
  CHANNEL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  /** /metrics, /readyz and /healthz on their own port (kept off the public one); unset: on PORT. */
  METRICS_PORT: unsetIfEmpty(z.coerce.number().int().min(1).max(65535).optional()),
  /** The daily SQLite backup's folder; unset: a backups folder beside the database file. */
  BACKUP_DIR: optionalText,
  /** How many daily backups to keep; 0 turns the daily backup off. */
  BACKUP_KEEP: unsetIfEmpty(z.coerce.number().int().min(0).max(3650).default(7)),
};

/** The app's own secrets; each channel lists its own. */
const APP_SECRETS = ["LLM_API_KEY", "SESSION_SECRET", "FILES_SECRET"] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ShapeOf<P> = P extends ChannelPlugin<infer Shape> ? Shape : never;
/** Every listed channel's variables, as one zod shape. */
type ChannelVariables = UnionToIntersection<ShapeOf<(typeof CHANNELS)[number]>>;

/** The app's settings and each channel's variables as one schema; tests add a channel of their own. */
function configSchema(channels: readonly AnyChannelPlugin[]) {
  const channelVariables = Object.assign({}, ...channels.map((channel) => channel.config.shape)) as ChannelVariables;
  return z
    .object({ ...appVariables, ...channelVariables })
    .superRefine((c, ctx) => {
      const problem = (variable: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [variable], message });
      if (c.PARSE_MODE && c.PARSE_MODE !== "rules" && !c.LLM_BASE_URL) {
        problem("LLM_BASE_URL", `is required when PARSE_MODE=${c.PARSE_MODE}`);
      }
      for (const channel of channels) channel.checkConfig?.(c, problem);
    })
    .transform((c) => ({ ...c, PARSE_MODE: c.PARSE_MODE ?? (c.LLM_BASE_URL ? "hybrid" : "rules") }));
}

export type Config = z.output<ReturnType<typeof configSchema>>;

export class ConfigError extends Error {
  readonly code = "CONFIG";
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Configuration error: ${variable} ${reason}`);
  }
}

/** Names of the variables that hold secrets (the app's and each channel's), for log redaction. */
export function secretVariables(channels: readonly AnyChannelPlugin[] = CHANNELS): string[] {
  return [...APP_SECRETS, ...channels.flatMap((channel) => channel.secrets)];
}

export const SECRET_VARIABLES: readonly string[] = secretVariables();

/**
 * Parses an environment; throws ConfigError naming the first bad variable, without echoing a value
 * that may be a secret (a listed secret, or any token, key or URL, which can carry credentials).
 */
export function parseConfig(
  env: Record<string, string | undefined>,
  channels: readonly AnyChannelPlugin[] = CHANNELS,
): Config {
  const result = configSchema(channels).safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? "environment");
  const value = env[variable];
  const mayHoldSecret = secretVariables(channels).includes(variable) || /TOKEN|SECRET|KEY|URL/.test(variable);
  const shown = value === undefined || mayHoldSecret ? "" : ` (got "${value}")`;
  throw new ConfigError(variable, `${issue?.message ?? "is not valid"}${shown}`);
}

/** Reads ./.env when present (without overriding the real environment), then parses. */
export function loadConfig(): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return parseConfig(process.env);
}
