/**
 * A handler's Context built by hand (grammY's way of testing middleware): one message from a person
 * on the roster, read by the rule parser; `next` records whether the handler passed the message on.
 */
import type { Context } from "../../src/core/context.js";
import { isoInZone, localDay } from "../../src/domain/calendar.js";
import type { Person } from "../../src/domain/roster.js";
import { messagesFor } from "../../src/locales/index.js";
import { createLogger } from "../../src/log.js";
import { createParser, type Parser } from "../../src/parse/index.js";
import type { Db } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";

/** Wednesday 25 November 2026, 17:40 in Shanghai: the chat tests' usual moment. */
const DEFAULT_AT = "2026-11-25T17:40:00+08:00";

export interface Chat {
  /** A fresh context for `text` from `personId`, in the message's language else the person's (as the core does). */
  context(personId: string, text: string, options?: { at?: string; lang?: "zh" | "en" }): Promise<Context>;
  /** A `next` that counts its calls. */
  next(): { (): Promise<void>; calls: number };
}

export async function chatOn(db: Db): Promise<Chat> {
  const roster = new RosterStore(db);
  const parser: Parser = createParser(await roster.roster());
  const log = createLogger("silent");
  return {
    async context(personId, text, options = {}) {
      const person: Person | null = await roster.person(personId);
      if (!person) throw new Error(`no person ${personId} in the fixtures`);
      const receivedAt = new Date(options.at ?? DEFAULT_AT);
      const lang = options.lang ?? person.lang;
      const now = isoInZone(receivedAt, person.timezone);
      const ctx: Context = {
        message: {
          channel: "web",
          externalUserId: personId,
          externalMessageId: `test-${Math.random()}`,
          text,
          receivedAt,
        },
        inboundId: "test",
        person,
        lang,
        t: messagesFor(lang),
        now,
        today: localDay(receivedAt, person.timezone),
        channel: { images: false, files: false, buttons: false },
        log,
        parser,
        reading: async () => parser.parse({ text, senderId: personId, now }),
        session: {},
        replies: [],
        intent: null,
        reply(...replies) {
          this.replies.push(...replies);
        },
      };
      return ctx;
    },
    next() {
      const next = Object.assign(async () => void next.calls++, { calls: 0 });
      return next;
    },
  };
}
