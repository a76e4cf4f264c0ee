/**
 * Composition root: configuration → store → core → channels. `startApp` is what `npm start` runs
 * and what end-to-end tests start on a scratch database.
 */
import type { Config } from "./config/config.js";
import { createBot, type Bot } from "./core/bot.js";
import { LiveFeed } from "./core/live-feed.js";
import { loadDemoIfEmpty } from "./demo/load-demo.js";
import { createWebServer } from "./channels/web/web-server.js";
import { createLogger, type Logger } from "./log.js";
import { openDatabase, type Database } from "./store/database.js";
import { RosterStore } from "./store/roster-store.js";

export interface App {
  url: string;
  bot: Bot;
  database: Database;
  liveFeed: LiveFeed;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger = createLogger(config.LOG_LEVEL)): Promise<App> {
  const database = await openDatabase(config.DATABASE_URL);
  const { db } = database;
  if (config.LOAD_DEMO_DATA) await loadDemoIfEmpty(db, logger);
  const roster = new RosterStore(db);
  const liveFeed = new LiveFeed();
  const bot = createBot({ db, logger });
  const web = createWebServer({
    handle: (message) => bot.handle(message),
    findPerson: (id) => roster.person(id),
    listPeople: () => roster.people(),
    liveFeed,
    demoMode: config.DEMO_MODE,
    token: config.WEB_CHAT_TOKEN,
    logger,
  });
  const url = await web.listen(config.PORT, config.HOST);
  logger.info({ url, demoMode: config.DEMO_MODE, database: database.provider }, "Fieldmate is ready");
  return {
    url,
    bot,
    database,
    liveFeed,
    logger,
    async stop() {
      await web.close();
      await database.close();
    },
  };
}
