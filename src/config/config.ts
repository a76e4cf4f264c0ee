/**
 * The process's configuration, read once from the environment through one zod schema.
 * Every variable is documented in .env.example; a bad value stops start-up with a message naming it.
 */
import { existsSync } from "node:fs";
import { z } from "zod";

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .default(fallback ? "true" : "false")
    .transform((v) => (v === "" ? fallback : ["true", "1", "yes"].includes(v)));

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : null));

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be an IANA time zone such as Asia/Shanghai" },
);

const configSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .default("file:./data/fieldmate.db")
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
        message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      }),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    TZ_DEFAULT: timeZone.default("Asia/Shanghai"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DEMO_MODE: flag(true),
    LOAD_DEMO_DATA: flag(true),
    WEB_CHAT_TOKEN: optional,
    PUBLIC_URL: optional,
    SLACK_BOT_TOKEN: optional,
    SLACK_SIGNING_SECRET: optional,
    SLACK_APP_TOKEN: optional,
    SLACK_API_URL: optional,
    WECHATY_PUPPET: optional,
    WECHATY_PUPPET_SERVICE_TOKEN: optional,
    LLM_BASE_URL: optional,
    LLM_API_KEY: optional,
    LLM_MODEL: optional,
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
    PARSE_MODE: z.enum(["rules", "llm", "hybrid"]).optional(),
    /** How the model is asked for structured output; many self-hosted endpoints lack json_schema. */
    LLM_STRUCTURED_OUTPUT: z.enum(["jsonSchema", "functionCalling", "jsonMode"]).default("jsonSchema"),
    SCHEDULER: flag(true),
  })
  .superRefine((c, ctx) => {
    if (!c.DEMO_MODE && !c.WEB_CHAT_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["WEB_CHAT_TOKEN"],
        message: "is required when DEMO_MODE=false (the web chat would be open to anyone)",
      });
    }
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message: "is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)",
      });
    }
    if (c.PARSE_MODE && c.PARSE_MODE !== "rules" && !c.LLM_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["LLM_BASE_URL"], message: `is required when PARSE_MODE=${c.PARSE_MODE}` });
    }
  })
  .transform((c) => ({ ...c, PARSE_MODE: c.PARSE_MODE ?? (c.LLM_BASE_URL ? "hybrid" : "rules") }));

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  readonly code = "CONFIG";
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Configuration error: ${variable} ${reason}`);
  }
}

/** Parses an environment; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue.path[0] ?? "environment");
  const value = env[variable];
  const shown = value === undefined || /TOKEN|SECRET|KEY|URL/.test(variable) ? "" : ` (got "${value}")`;
  throw new ConfigError(variable, `${issue.message}${shown}`);
}

/** Reads ./.env when present (without overriding the real environment), then parses. */
export function loadConfig(): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return parseConfig(process.env);
}

/** Names of the variables that hold secrets, for log redaction. */
export const SECRET_VARIABLES = [
  "WEB_CHAT_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "WECHATY_PUPPET_SERVICE_TOKEN",
  "LLM_API_KEY",
] as const;
