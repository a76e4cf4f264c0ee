/**
 * The reports' handlers in a real bot (core/bot.ts) on a real SQLite file with the hand-counted
 * day (report-setup.ts): `ask(person, text)` delivers a question the way a channel would and returns
 * the replies. The web chat shows images; WeChat shows text only.
 */
import { randomBytes } from "node:crypto";
import { type Bot, createBot } from "../../src/core/bot.js";
import type { ChannelCapabilities, Reply } from "../../src/domain/messages.js";
import { createLogger } from "../../src/log.js";
import { reportHandlers } from "../../src/reports/handlers.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { FileStore } from "../../src/store/file-store.js";
import type { StoredRecord } from "../../src/store/record-store.js";
import { scratchSqlite } from "../support/databases.js";
import { type Seeded, seedAustin, seedWeek } from "./report-setup.js";

const CAPABILITIES: Record<string, ChannelCapabilities> = {
  web: { images: true, files: true, buttons: true },
  wechat: { images: false, files: false, buttons: false },
};

interface AskOptions {
  /** Local time on the fixture's today, "17:40", or a full ISO instant. */
  at?: string;
  channel?: string;
  externalUserId?: string;
}

export interface ReportChat {
  database: Database;
  seeded: Seeded & { jake: StoredRecord };
  bot: Bot;
  /** Where charts and exports went (their signed links open here). */
  files: FileStore;
  ask(personId: string, text: string, options?: AskOptions): Promise<Reply[]>;
  close(): Promise<void>;
}

export async function reportChat(): Promise<ReportChat> {
  const scratch = scratchSqlite();
  const database = await openDatabase(scratch.url);
  const seeded = { ...(await seedWeek(database.db)), jake: await seedAustin(database.db) };
  const files = new FileStore(database.db, { secret: randomBytes(32) });
  const bot = createBot({
    db: database.db,
    logger: createLogger("silent"),
    handlers: reportHandlers({ db: database.db, files }),
    capabilities: (channel) => CAPABILITIES[channel] ?? CAPABILITIES.wechat!,
  });
  let sequence = 0;
  return {
    database,
    seeded,
    bot,
    files,
    ask(personId, text, options = {}) {
      const at = options.at ?? "17:40";
      return bot.handle({
        channel: options.channel ?? "web",
        externalUserId: options.externalUserId ?? personId,
        externalMessageId: `ask-${++sequence}`,
        text,
        receivedAt: new Date(at.includes("T") ? at : `2026-11-25T${at}:00+08:00`),
      });
    },
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
