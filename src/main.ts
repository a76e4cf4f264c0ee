/** `npm start`: read the configuration, start everything, stop cleanly on SIGINT/SIGTERM. */

import { startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/config.js";

try {
  const app = await startApp(loadConfig());
  process.stdout.write(`\nFieldmate web chat: ${app.url}\n\n`);
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, "shutting down");
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(2);
  }
  throw error;
}
