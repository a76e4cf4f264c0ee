/**
 * Composition root: configuration → store → core → channels. `featureHandlers` is THE list of what
 * the bot answers, in priority order; `startApp` is what `npm start` runs and what end-to-end tests
 * start on a scratch database.
 */

import { type AnyChannelPlugin, CHANNELS, channelCapabilities, startChannels } from "./channels/index.js";
import type { ChannelRegistry } from "./channels/outbound.js";
import { clientAddress } from "./channels/web/client-address.js";
import { LiveFeed } from "./channels/web/live-feed.js";
import { createWebServer } from "./channels/web/web-server.js";
import { CookieSessions } from "./channels/web/web-sign-in.js";
import type { Config } from "./config/config.js";
import { allowedHostNames, assertSafeToServe, publicBaseUrl, servingWarnings } from "./config/serving.js";
import { createBot, type Understand } from "./core/bot.js";
import type { Handler } from "./core/handler.js";
import { startSweeper } from "./core/sweeper.js";
import { loadDemoIfEmpty } from "./demo/load-demo.js";
import { localDay } from "./domain/calendar.js";
import type { Reply } from "./domain/messages.js";
import type { Person } from "./domain/roster.js";
import { helpHandlers } from "./help/handlers.js";
import { historyHandlers } from "./history/handlers.js";
import { unknownSenderHook } from "./invites/unknown-sender.js";
import { messagesFor } from "./locales/index.js";
import { createLogger, type Logger } from "./log.js";
import { asrClient, asrSettings } from "./media/asr-client.js";
import { DEFAULT_CHECKIN_RADIUS_M } from "./media/check-in.js";
import { mediaHandlers } from "./media/handlers.js";
import { startMediaRetention } from "./media/retention-job.js";
import { voiceHearing } from "./media/voice.js";
import { sqliteFileOf } from "./ops/backup.js";
import { type BackupJob, startBackupJob } from "./ops/backup-job.js";
import {
  type InstrumentedBot,
  inboundLogFields,
  instrumentBot,
  MeteredChannelRegistry,
  meteredUnderstand,
} from "./ops/instrument.js";
import type { OpsMetrics } from "./ops/metrics.js";
import { createOperations } from "./ops/operations.js";
import { claimPidFile } from "./ops/pid-file.js";
import { planHandlers } from "./plans/handlers.js";
import { answerPlanQuery } from "./plans/index.js";
import { quizHandlers } from "./quiz/handlers.js";
import { reportHandlers } from "./reports/handlers.js";
import { createPush, OutboxStore, startScheduler, systemClock } from "./schedule/index.js";
import type { Db } from "./store/database.js";
import { type Database, openDatabase, type QueryObserver } from "./store/database.js";
import { type FileSink, FileStore } from "./store/file-store.js";
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
  /** PUBLIC_URL or the server's own address, for links that leave the chat (photos in an export). */
  publicBase?: () => string;
  /** CHECKIN_RADIUS_M (default 300). */
  checkInRadiusM?: number;
}

/** Every feature's handlers, in the order a message meets them. */
export function featureHandlers({
  db,
  understand,
  notify,
  files,
  signInLinks,
  publicBase,
  checkInRadiusM = DEFAULT_CHECKIN_RADIUS_M,
}: FeatureDeps): Handler[] {
  const records = new RecordStore(db);
  const roster = RosterStore.shared(db);
  const visits = visitHandlers({
    records,
    roster,
    understand,
    notify,
    names: (shops, skus) => roster.names(shops, skus),
  });
  return [
    // Photos and locations (no text to read) and the one question they may ask, before anything reads text.
    ...mediaHandlers({ db, roster, files, checkInRadiusM }),
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
    ...reportHandlers({ db, files, publicBase }),
    ...historyHandlers({ db, records, files }),
    // Help, then small talk: the last word on anything nobody else took.
    ...helpHandlers({ roster }),
  ];
}

/** The rule parser alone: what `understand` is when no model is configured. */
export const rulesOnly: Understand = (input, rules) => Promise.resolve(rules.parse(input));

export interface App {
  url: string;
  /** Where /metrics and /readyz answer: METRICS_PORT's server, or `url`. */
  opsUrl: string;
  bot: InstrumentedBot;
  database: Database;
  liveFeed: LiveFeed;
  /** The chat channels running beside the web chat (Slack, WeChat), for pushes. */
  channels: ChannelRegistry;
  logger: Logger;
  metrics: OpsMetrics;
  /** The daily SQLite backup, when it runs (SQLite, BACKUP_KEEP > 0). */
  backups: BackupJob | null;
  /**
   * Stops intake (the web server stops accepting, channels stop), finishes the messages in flight,
   * hands back claimed outbox rows (the scheduler's deliverer), then closes the database.
   */
  stop(): Promise<void>;
}

export async function startApp(
  config: Config,
  logger: Logger = createLogger(config.LOG_LEVEL),
  /** Benchmarks: sees every query the app makes. */
  options: { observer?: QueryObserver } = {},
): Promise<App> {
  // Demo mode on a reachable address, or beside chat credentials, stops here (ConfigError).
  assertSafeToServe(config);
  for (const warning of servingWarnings(config)) logger.warn(warning);
  const database = await openDatabase(config.DATABASE_URL, {
    observer: options.observer,
    checkpointsInWorker: {
      failed: (reason) => logger.error({ reason }, "SQLite checkpoints are back on the connection"),
    },
  });
  const { db } = database;
  // For `cli restore`: an instance runs on this SQLite file.
  const releasePid =
    database.provider === "sqlite" ? claimPidFile(sqliteFileOf(config.DATABASE_URL), logger) : () => {};
  if (config.LOAD_DEMO_DATA) await loadDemoIfEmpty(db, logger);
  // The roster in memory, checked for changes at most once a second (store/roster-cache.ts).
  const roster = RosterStore.shared(db);
  const files = new FileStore(db, {
    secret: await serverSecret(db, "files", config.FILES_SECRET),
    ttlMs: config.FILES_TTL_HOURS * 3_600_000,
  });
  // Links name PUBLIC_URL, else this server's address, known once it listens.
  let listeningAt: string | undefined;
  const signInLinks = new SignInLinks(new SignInLinkStore(db), () => publicBaseUrl(config, listeningAt));
  const liveFeed = new LiveFeed();
  // The model reads reports only when configured (PARSE_MODE llm|hybrid); mention look-ups stay with the rules.
  // Loaded only then: LangChain is most of a cold start.
  const llm =
    config.PARSE_MODE === "rules"
      ? null
      : (await import("./parse/llm/index.js")).createUnderstand(config, logger, () => roster.roster(), {
          method: config.LLM_STRUCTURED_OUTPUT,
        });
  const understand: Understand = llm ?? rulesOnly;
  const ops = createOperations({
    config,
    db,
    provider: database.provider,
    channels: {
      configured: () =>
        (CHANNELS as readonly AnyChannelPlugin[]).filter((plugin) => plugin.enabled(config)).map((p) => p.name),
      started: () => chats.started(),
    },
    ...(llm ? { llm: () => llm.metrics.snapshot() } : {}),
  });
  const { metrics } = ops;
  const channels = new MeteredChannelRegistry(metrics);
  const push = createPush({ roster, channels, logger });
  const bot = instrumentBot(
    createBot({
      db,
      logger,
      understand: meteredUnderstand(understand, metrics),
      handlers: [
        inboundLogFields,
        ...featureHandlers({
          db,
          understand,
          notify: push,
          files,
          signInLinks,
          publicBase: () => publicBaseUrl(config, listeningAt),
          checkInRadiusM: config.CHECKIN_RADIUS_M,
        }),
      ],
      capabilities: (channel) => channelCapabilities(channel),
      leaseMs: config.INBOX_LEASE_SECONDS * 1000,
      // A deactivated person is told so; an unlinked sender who sends an admin's invite code gets linked (cli invite).
      onUnknownSender: unknownSenderHook(db, logger),
      hear: voiceHearing(db, config.ASR_BASE_URL ? asrClient(asrSettings(config, config.ASR_BASE_URL)) : null),
    }),
    { db, metrics, logger },
  );
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
    extraRoutes: async (req, res) => (await ops.publicRoute(req, res)) || chats.routes(req, res),
    files,
    mediaMaxBytes: config.MEDIA_MAX_BYTES,
    recentPushes: async (personId) => {
      const person = await roster.person(personId);
      return person ? outbox.sentOn(personId, localDay(systemClock.now(), person.timezone)) : [];
    },
  });
  await bot.warm();
  const url = await web.listen(config.PORT, config.HOST);
  listeningAt = url;
  const opsUrl = await ops.listen();
  await chats.ready;
  // Plans, nudges, digests, reminders and quizzes go out through the outbox; SCHEDULER=false turns them off.
  const scheduler = config.SCHEDULER
    ? await startScheduler({
        db,
        logger,
        push,
        options: { deliverer: { sendTimeoutMs: config.CHANNEL_TIMEOUT_SECONDS * 1000 } },
      })
    : null;
  // Messages a crash left unhandled: now, then every INBOX_SWEEP_SECONDS (their replies go out as pushes).
  const sweeper = startSweeper(bot, config.INBOX_SWEEP_SECONDS * 1000, logger);
  const backups = startBackupJob({
    databaseUrl: config.DATABASE_URL,
    dir: config.BACKUP_DIR,
    keep: config.BACKUP_KEEP,
    timezone: config.TZ_DEFAULT,
    logger,
  });
  // Voice notes and photos older than MEDIA_RETENTION_DAYS are deleted daily.
  const retention = startMediaRetention({
    db,
    days: config.MEDIA_RETENTION_DAYS,
    timezone: config.TZ_DEFAULT,
    logger,
  });
  logger.info(
    { url, ops: opsUrl ?? undefined, demoMode: config.DEMO_MODE, database: database.provider },
    "Fieldmate is ready",
  );
  let stopped: Promise<void> | null = null;
  return {
    url,
    opsUrl: opsUrl ?? url,
    bot,
    database,
    liveFeed,
    channels,
    logger,
    metrics,
    backups,
    stop() {
      ops.stopping();
      stopped ??= (async () => {
        // Intake first: the web server answers what it is answering and takes nothing new; each
        // channel stops receiving and finishes what it received. Meanwhile the deliverer finishes the
        // push it is sending and hands the rest of its claimed rows back to the outbox.
        await Promise.all([web.close(), chats.stop(), scheduler?.stop(), sweeper.stop()]);
        await bot.drain();
        retention.stop();
        await backups?.stop();
        await ops.close();
        releasePid();
        await database.close();
        logger.info("Fieldmate stopped");
      })();
      return stopped;
    },
  };
}
