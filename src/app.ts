/**
 * Composition root: configuration → store → core → channels. `startApp` is what `npm start` runs
 * and what end-to-end tests start on a scratch database.
 */
import type { Config } from "./config/config.js";
import { standardExtensions } from "./bot-extensions.js";
import { createBot, type Bot } from "./core/bot.js";
import { LiveFeed } from "./core/live-feed.js";
import { loadDemoIfEmpty } from "./demo/load-demo.js";
import { createWebServer } from "./channels/web/web-server.js";
import { startChannels } from "./channels/start-channels.js";
import { ChannelRegistry } from "./core/channel.js";
import { inviteRedeemer } from "./invites/invite.js";
import { createLogger, type Logger } from "./log.js";
import { createUnderstand } from "./parse/llm/index.js";
import { openDatabase, type Database } from "./store/database.js";
import { files } from "./reports/index.js";
import { RosterStore } from "./store/roster-store.js";
import { createPush, OutboxStore, startScheduler, systemClock } from "./schedule/index.js";
import { localDay } from "./domain/calendar.js";
import { answerPlanQuery } from "./plans/index.js";
import type { Person } from "./domain/roster.js";

export interface App {
  url: string;
  bot: Bot;
  database: Database;
  liveFeed: LiveFeed;
  /** The chat channels running beside the web chat (Slack, WeChat), for pushes. */
  channels: ChannelRegistry;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger = createLogger(config.LOG_LEVEL)): Promise<App> {
  const database = await openDatabase(config.DATABASE_URL);
  const { db } = database;
  if (config.LOAD_DEMO_DATA) await loadDemoIfEmpty(db, logger);
  const roster = new RosterStore(db);
  const liveFeed = new LiveFeed();
  // An unlinked sender who sends an admin's invite code gets linked (cli invite).
  const bot = createBot({ db, logger, onUnknownSender: inviteRedeemer(db, logger) });
  bot.extend(standardExtensions);
  // The model reads reports only when configured (PARSE_MODE llm|hybrid); mention look-ups stay with the rules.
  if (config.PARSE_MODE !== "rules") {
    bot.extend({ understand: createUnderstand(config, logger, () => roster.roster(), { method: config.LLM_STRUCTURED_OUTPUT }) });
  }
  const channels = new ChannelRegistry();
  // Slack's App Home shows the person's plan for today.
  const homeView = (person: Person) => answerPlanQuery(db, person, new Date());
  const chats = startChannels({ config, bot, roster, logger, registry: channels, homeView });
  const push = createPush({ db, channels, liveFeed, logger });
  const outbox = new OutboxStore(db, systemClock);
  // Red flags reach the supervisor at once, on whatever channel they use.
  bot.extend({ notify: push });
  const web = createWebServer({
    handle: (message) => bot.handle(message),
    findPerson: (id) => roster.person(id),
    listPeople: () => roster.people(),
    liveFeed,
    demoMode: config.DEMO_MODE,
    token: config.WEB_CHAT_TOKEN,
    logger,
    extraRoutes: chats.routes,
    files,
    recentPushes: async (personId) => {
      const person = await roster.person(personId);
      return person ? outbox.sentOn(personId, localDay(systemClock.now(), person.timezone)) : [];
    },
  });
  const url = await web.listen(config.PORT, config.HOST);
  await chats.ready;
  // Plans, nudges, digests, reminders and quizzes go out through the outbox; SCHEDULER=false turns them off.
  const scheduler = config.SCHEDULER
    ? await startScheduler({ db, logger, push })
    : null;
  logger.info({ url, demoMode: config.DEMO_MODE, database: database.provider }, "Fieldmate is ready");
  return {
    url,
    bot,
    database,
    liveFeed,
    channels,
    logger,
    async stop() {
      await scheduler?.stop();
      await chats.stop();
      await web.close();
      await database.close();
    },
  };
}
