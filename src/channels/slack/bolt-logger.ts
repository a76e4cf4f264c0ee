/** Bolt and the Web API client log through our pino logger (so their lines are JSON and redacted like ours). */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../log.js";

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack" });
  let level: LogLevel = LogLevel.INFO;
  const write =
    (method: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]) => {
      const errors = msg.filter((m): m is Error => m instanceof Error);
      const text = msg
        .filter((m) => !(m instanceof Error))
        .map((m) => (typeof m === "string" ? m : safeJson(m)))
        .join(" ");
      if (errors.length) log[method]({ err: errors[0] }, text);
      else log[method](text);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // pino's level is the one that counts; Bolt's own setting is remembered for getLevel only.
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
