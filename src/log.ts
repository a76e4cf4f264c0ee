/**
 * Structured JSON logs (pino). Anything that looks like a secret is redacted by key,
 * so a config object or request header logged by mistake does not leak tokens.
 */
import { type Logger, pino } from "pino";
import { SECRET_VARIABLES } from "./config/config.js";

export type { Logger };

const SECRET_KEYS = [
  ...SECRET_VARIABLES,
  "token",
  "apiKey",
  "authorization",
  "password",
  "secret",
  "signingSecret",
  "DATABASE_URL",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "fieldmate" },
      redact: {
        paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `headers.${k.toLowerCase()}`]),
        censor: "[redacted]",
      },
    },
    destination,
  );
}
