/**
 * Structured logs (pino): JSON lines in production (stdout not a terminal: systemd, Docker, a
 * file), pretty one-line coloured logs (pino-pretty) when a person watches a terminal. Anything
 * that looks like a secret is redacted by key, so a config object or request header logged by
 * mistake does not leak tokens.
 *
 * Fields set with `withLogFields` (the inbound message's id while it is handled) join every line
 * logged inside that call, by any logger, so one message's lines can be found together.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
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

const logFields = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `work` with `fields` added to every log line written meanwhile (and by what it awaits). */
export function withLogFields<T>(fields: Record<string, unknown>, work: () => T): T {
  return logFields.run({ ...logFields.getStore(), ...fields }, work);
}

/** The fields of the surrounding `withLogFields`, minus those the logger already carries (no duplicate keys). */
function contextFields(_: object, __: number, logger: Logger): Record<string, unknown> {
  const fields = logFields.getStore();
  if (!fields) return {};
  const bound = logger.bindings();
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in bound)));
}

/**
 * A child logger made when it is first written to at an enabled level (or asked anything else).
 * pino builds a child's bindings at once, running the secret redaction over each value (tens of
 * kilobytes of garbage a child): a message's loggers, one or two a message, mostly never write a
 * line at the configured level.
 */
export function lazyChild(logger: Logger, bindings: Record<string, unknown>): Logger {
  let child: Logger | undefined;
  const made = () => {
    child ??= logger.child(bindings);
    return child;
  };
  return new Proxy(logger, {
    get(parent, prop) {
      // A level written nowhere: the parent's own no-op, no child needed.
      if (!child && typeof prop === "string" && prop in parent.levels.values && !parent.isLevelEnabled(prop))
        return Reflect.get(parent, prop);
      const target = made();
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    set(_parent, prop, value) {
      return Reflect.set(made(), prop, value);
    },
  });
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "fieldmate" },
      redact: {
        paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `headers.${k.toLowerCase()}`]),
        censor: "[redacted]",
      },
      mixin: contextFields,
    },
    destination ?? (process.stdout.isTTY ? prettyStream() : undefined),
  );
}

/** pino-pretty as a synchronous stream (no worker thread), loaded only when a terminal will show it. */
function prettyStream(): pino.DestinationStream {
  const require = createRequire(import.meta.url);
  const pretty = require("pino-pretty") as typeof import("pino-pretty");
  return pretty({
    colorize: true,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname,app",
    sync: true,
  });
}
