/**
 * Composition root: configuration → store → core → channels. `featureHandlers` is THE list of what
 * the bot answers, in priority order; `startApp` is what `npm start` runs and what end-to-end tests
 * start on a scratch database.
 */

import { CHANNELS, channelCapabilities, startChannels } from "./channels/index.js";
import { ChannelRegistry } from "./channels/outbound.js";
import { clientAddress } from "./channels/web/client-address.js";
import { LiveFeed } from "./channels/web/live-feed.js";
import { createWebServer } from "./channels/web/web-server.js";
import { CookieSessions } from "./channels/web/web-sign-in.js";
import type { Config } from "./config/config.js";
import { allowedHostNames, assertSafeToServe, publicBaseUrl, servingWarnings } from "./config/serving.js";
import { type Bot, createBot, type Understand } from "./core/bot.js";
import type { Handler } from "./core/handler.js";
import { loadDemoIfEmpty } from "./demo/load-demo.js";
import { localDay } from "./domain/calendar.js";
import type { Reply } from "./domain/messages.js";
import type { Person } from "./domain/roster.js";
import { helpHandlers } from "./help/handlers.js";
import { historyHandlers } from "./history/handlers.js";
import { unknownSenderHook } from "./invites/unknown-sender.js";
import { messagesFor } from "./locales/index.js";
import { createLogger, type Logger } from "./log.js";
import { createUnderstand } from "./parse/llm/index.js";
import { planHandlers } from "./plans/handlers.js";
import { answerPlanQuery } from "./plans/index.js";
import { quizHandlers } from "./quiz/handlers.js";
import { reportHandlers } from "./reports/handlers.js";
import { createPush, OutboxStore, startScheduler, systemClock } from "./schedule/index.js";
import type { Db } from "./store/database.js";
import { type Database, openDatabase } from "./store/database.js";
import { type FileSink, FileStore } from "./store/file-store.js";
import { loadNames } from "./store/name-book.js";
import { RecordStore } from "./store/record-store.js";
import { RosterStore } from "./store/roster-store.js";
import { serverSecret } from "./store/server-secret-store.js";
import { SharedValueStore } from "./store/shared-value-store.js";
import { SignInLinkStore } from "./store/sign-in-link-store.js";
import { WebSessionStore } from "./store/web-session-store.js";
import { visitHandlers } from "./visits/handlers.js";
import { webLoginHandlers } from "./web-login/handlers.js";
import { SignInLinks } from "./web-login/sign-in-links.js";

export interface FeatureDeps {
  db: Db;
  understand: Understand;
  /** Sends to another person now (a supervisor told of a red flag). */
  notify?: (personId: string, replies: Reply[]) => Promise<void>;
  /** Where charts and exports wait behind signed links (store/file-store.ts). */
  files: FileSink;
  /** One-time web chat sign-in links, for "网页登录" from a chat. */
  signInLinks: SignInLinks;
}

/** Every feature's handlers, in the order a message meets them. */
export function featureHandlers({ db, understand, notify, files, signInLinks }: FeatureDeps): Handler[] {
  const records = new RecordStore(db);
  const roster = new RosterStore(db);
  const visits = visitHandlers({
    records,
    roster,
    understand,
    notify,
    names: (shops, skus) => loadNames(db, shops, skus),
  });
  return [
    // "网页登录": an exact phrase, before anything could read it as an answer or a report.
    ...webLoginHandlers({ links: signInLinks }),
    // An answer to the bot's own open question, then a correction of the last record.
    visits.openQuestion,
    visits.correction,
    // "C" to today's 应知应会 question, read before anything sends the text through the full reading.
    ...quizHandlers({ db }),
    // "跳过老王家 今天关门" and "今天去哪几家" before a shop name makes it read as a visit.
    ...planHandlers({ db }),
    visits.report,
    ...reportHandlers({ db, files }),
    ...historyHandlers({ db, records }),
    // Help, then small talk: the last word on anything nobody else took.
    ...helpHandlers({ roster }),
  ];
}

/** The rule parser alone: what `understand` is when no model is configured. */
export const rulesOnly: Understand = (input, rules) => Promise.resolve(rules.parse(input));

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
  // Demo mode on a reachable address, or beside chat credentials, stops here (ConfigError).
  assertSafeToServe(config);
  for (const warning of servingWarnings(config)) logger.warn(warning);
  const database = await openDatabase(config.DATABASE_URL);
  const { db } = database;
  if (config.LOAD_DEMO_DATA) await loadDemoIfEmpty(db, logger);
  const roster = new RosterStore(db);
  const files = new FileStore(db, {
    secret: await serverSecret(db, "files", config.FILES_SECRET),
    ttlMs: config.FILES_TTL_HOURS * 3_600_000,
  });
  // Links name PUBLIC_URL, else this server's address, known once it listens.
  let listeningAt: string | undefined;
  const signInLinks = new SignInLinks(new SignInLinkStore(db), () => publicBaseUrl(config, listeningAt));
  const liveFeed = new LiveFeed();
  const channels = new ChannelRegistry();
  const push = createPush({ roster, channels, logger });
  // The model reads reports only when configured (PARSE_MODE llm|hybrid); mention look-ups stay with the rules.
  const understand: Understand =
    config.PARSE_MODE === "rules"
      ? rulesOnly
      : createUnderstand(config, logger, () => roster.roster(), { method: config.LLM_STRUCTURED_OUTPUT });
  const bot = createBot({
    db,
    logger,
    understand,
    handlers: featureHandlers({ db, understand, notify: push, files, signInLinks }),
    capabilities: (channel) => channelCapabilities(channel),
    // A deactivated person is told so; an unlinked sender who sends an admin's invite code gets linked (cli invite).
    onUnknownSender: unknownSenderHook(db, logger),
  });
  // Slack's App Home shows the person's plan for today.
  const homeView = (person: Person) => answerPlanQuery(db, person, new Date(), messagesFor(person.lang));
  const chats = startChannels({
    channels: CHANNELS,
    config,
    bot,
    roster,
    logger,
    registry: channels,
    liveFeed,
    homeView,
    // WeCom's access token is fetched once for all instances and kept in the database.
    shared: new SharedValueStore(db),
  });
  const outbox = new OutboxStore(db, systemClock);
  const web = createWebServer({
    handle: (message) => bot.handle(message),
    findPerson: (id) => roster.person(id),
    listPeople: () => roster.people(),
    liveFeed,
    demoMode: config.DEMO_MODE,
    signIn: new CookieSessions({
      sessions: new WebSessionStore(db),
      links: new SignInLinkStore(db),
      roster,
      secret: await serverSecret(db, "web-session", config.SESSION_SECRET),
      lifetimeDays: config.WEB_SESSION_DAYS,
      secure: config.PUBLIC_URL?.startsWith("https:") ?? false,
    }),
    allowedHosts: allowedHostNames(config),
    clientAddress: (req) => clientAddress(req, config.TRUST_PROXY),
    logger,
    extraRoutes: chats.routes,
    files,
    recentPushes: async (personId) => {
      const person = await roster.person(personId);
      return person ? outbox.sentOn(personId, localDay(systemClock.now(), person.timezone)) : [];
    },
  });
  const url = await web.listen(config.PORT, config.HOST);
  listeningAt = url;
  await chats.ready;
  // Plans, nudges, digests, reminders and quizzes go out through the outbox; SCHEDULER=false turns them off.
  const scheduler = config.SCHEDULER ? await startScheduler({ db, logger, push }) : null;
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
