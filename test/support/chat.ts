/**
 * A test channel for whole conversations (Hubot's dummy adapter): a real bot on a real database (a
 * SQLite file by default, or a fresh PostgreSQL database: `chatWorld(dirs, { database: provider.create })`)
 * loaded with the test roster; `say(person, text)` delivers a message and returns the replies.
 */
import { randomBytes } from "node:crypto";
import { featureHandlers, rulesOnly } from "../../src/app.js";
import { type CoreBot, createBot, type Understand } from "../../src/core/bot.js";
import { replyToPlainText } from "../../src/core/plain-text.js";
import type { ChannelName, Reply } from "../../src/domain/messages.js";
import { messagesFor } from "../../src/locales/index.js";
import { createLogger } from "../../src/log.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { FileStore } from "../../src/store/file-store.js";
import { SignInLinkStore } from "../../src/store/sign-in-link-store.js";
import { SignInLinks } from "../../src/web-login/sign-in-links.js";
import { type ScratchDatabase, scratchSqlite } from "./databases.js";
import { TEST_ROSTER } from "./fixtures.js";

/** Wednesday 25 November 2026, 17:40 in Shanghai. */
const DEFAULT_AT = "2026-11-25T17:40:00+08:00";

interface SayOptions {
  at?: string;
  channel?: ChannelName;
  /** The sender as the platform knows them; defaults to the person id (the web chat's way). */
  externalUserId?: string;
  messageId?: string;
}

export interface ChatWorld {
  database: Database;
  /** The database's URL, for tools that open it themselves (the CLI). */
  url: string;
  bot: CoreBot;
  notified: { personId: string; replies: Reply[] }[];
  say(personId: string, text: string, options?: SayOptions): Promise<Reply[]>;
  /** Starts a new bot on the same database, as a process restart would. */
  restart(): void;
  close(): Promise<void>;
}

export interface ChatWorldOptions {
  /** How messages are read, made once the database is ready (default: the rule parser alone). */
  understand?: (db: Database["db"]) => Understand;
  /** The scratch database to talk on (one of PROVIDERS' `create`); default: a SQLite file. */
  database?: () => Promise<ScratchDatabase>;
  /** How long a stored message is its bot's before the sweeper may take it (default: the core's). */
  leaseMs?: number;
}

export async function chatWorld(extraDirs: string[] = [], options: ChatWorldOptions = {}): Promise<ChatWorld> {
  const scratch: ScratchDatabase = options.database ? await options.database() : scratchSqlite();
  const database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
  for (const dir of extraDirs) await importRoster(database.db, dir);
  const notified: ChatWorld["notified"] = [];
  const notify = async (personId: string, replies: Reply[]) => void notified.push({ personId, replies });
  const understand = options.understand?.(database.db) ?? rulesOnly;
  const make = () =>
    createBot({
      db: database.db,
      logger: createLogger("silent"),
      understand,
      leaseMs: options.leaseMs,
      handlers: featureHandlers({
        db: database.db,
        understand,
        notify,
        files: new FileStore(database.db, { secret: randomBytes(32) }),
        signInLinks: new SignInLinks(new SignInLinkStore(database.db), () => "http://localhost:3000"),
      }),
    });
  let sequence = 0;
  const world: ChatWorld = {
    database,
    url: scratch.url,
    bot: make(),
    notified,
    say(personId, text, options = {}) {
      return world.bot.handle({
        channel: options.channel ?? "web",
        externalUserId: options.externalUserId ?? personId,
        externalMessageId: options.messageId ?? `test-${++sequence}`,
        text,
        receivedAt: new Date(options.at ?? DEFAULT_AT),
      });
    },
    restart() {
      world.bot = make();
    },
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
  return world;
}

/** All replies as the plain text a WeChat user would see. */
export function plain(replies: Reply[], lang: "zh" | "en" = "zh"): string {
  return replies.map((r) => replyToPlainText(r, messagesFor(lang))).join("\n---\n");
}
