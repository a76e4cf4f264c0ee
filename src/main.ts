/**
 * `npm start` / `npm run start:prod`: read the configuration, start everything, and stop cleanly on
 * SIGTERM (systemd, Docker) or SIGINT (Ctrl-C): intake stops, messages in flight are answered,
 * claimed pushes are handed back, the database is closed, exit 0 — within 10 seconds, else exit 1.
 * A second signal exits at once.
 */

import { startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/config.js";

/** systemd's default stop timeout is 90 s; ours is well inside it and inside Docker's 10 s. */
const SHUTDOWN_DEADLINE_MS = 9_500;
const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

try {
  const app = await startApp(loadConfig());
  // A person at a terminal gets the address to open; logs (JSON off a terminal) carry it as `url`.
  if (process.stdout.isTTY) process.stdout.write(`\nFieldmate web chat: ${app.url}\n\n`);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.logger.warn({ signal }, "second signal: exiting now");
      process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
    }
    stopping = true;
    app.logger.info({ signal }, "shutting down: finishing the messages in flight");
    setTimeout(() => {
      app.logger.error({ afterMs: SHUTDOWN_DEADLINE_MS }, "shutdown did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(2);
  }
  throw error;
}
