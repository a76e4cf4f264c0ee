/**
 * The channel-neutral core: one `handle(message)` for every channel.
 * Order matters: find the sender, store the raw message, drop platform retries, screen input that
 * cannot be read, then run the feature handlers (in the order app.ts lists them) with the sender's
 * session in hand, one message per person at a time.
 */
import { isoInZone, localDay } from "../domain/calendar.js";
import type { ChannelCapabilities, ChannelName, InboundMessage, Reply } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import { inEveryLanguage, messagesFor } from "../locales/index.js";
import type { Logger } from "../log.js";
import type { ParseInput, ParseResult, Parser } from "../parse/index.js";
import type { Db } from "../store/database.js";
import { Inbox } from "../store/inbox.js";
import { RosterStore } from "../store/roster-store.js";
import { type SessionDocument, SessionStore } from "../store/session-store.js";
import { pickedChoice, rememberChoices } from "./choice-memory.js";
import type { Context } from "./context.js";
import { compose, type Handler } from "./handler.js";
import { detectLanguage, replyLanguage } from "./language.js";
import { ParserCache } from "./parser-cache.js";
import { PerPersonQueue } from "./per-person-queue.js";
import type { Session } from "./session.js";

/** Reads a message for its intent and records: the rules alone, or the rules with a model (PARSE_MODE). */
export type Understand = (input: ParseInput, rules: Parser) => Promise<ParseResult>;

export interface BotDeps {
  db: Db;
  logger: Logger;
  /** The feature handlers, in priority order. */
  handlers: readonly Handler[];
  /** Default: the rule parser alone. */
  understand?: Understand;
  /** What each channel can show; default: text only. */
  capabilities?: (channel: ChannelName) => ChannelCapabilities;
  /** Called for a message from an unlinked sender before the refusal; returns replies when it linked them (invite codes). */
  onUnknownSender?: (message: InboundMessage) => Promise<Reply[] | null>;
  /**
   * A voice note's words, read from ctx.message (src/media/voice.ts); it replies itself (what it
   * heard, or why it heard nothing) and returns null when there is nothing to go on with.
   */
  hear?: (ctx: Context) => Promise<string | null>;
}

export interface Bot {
  handle(message: InboundMessage): Promise<Reply[]>;
}

const TEXT_ONLY: ChannelCapabilities = { images: false, files: false, buttons: false };
/** Control characters other than tab and newlines: binary noise, never meaningful in a report. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to strip these characters from inbound text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

export function createBot(deps: BotDeps): Bot {
  const { db, logger } = deps;
  const roster = RosterStore.shared(db);
  const inbox = new Inbox(db);
  const sessions = new SessionStore(db);
  const parsers = new ParserCache(roster);
  const queue = new PerPersonQueue();
  const run = compose(deps.handlers);
  const understand: Understand = deps.understand ?? ((input, rules) => Promise.resolve(rules.parse(input)));
  const capabilities = deps.capabilities ?? (() => TEXT_ONLY);
  const hear =
    deps.hear ??
    (async (ctx: Context) => {
      ctx.reply({ kind: "text", text: ctx.t.media.voiceOff });
      return null;
    });

  async function identify(message: InboundMessage): Promise<Person | null> {
    // The web chat has already authenticated the page and speaks in person ids.
    if (message.channel === "web") return roster.person(message.externalUserId);
    return roster.personByIdentity(message.channel, message.externalUserId);
  }

  /** Text that cannot be read gets a short answer before any handler: the cleaned text, or null. */
  function screen(text: string, reply: (text: string) => void, t: Context["t"]): string | null {
    const clean = text.replace(CONTROL, "").trim();
    if (!clean) {
      reply(t.core.noText);
      return null;
    }
    const language = detectLanguage(clean);
    if (language === "other") {
      reply(t.core.otherLanguage);
      return null;
    }
    // Digits and a lone letter pass: "2" picks a numbered choice, "B" answers the day's quiz.
    if (language === null && !/[\dA-Za-z]/.test(clean)) {
      reply(t.core.nothingToRead);
      return null;
    }
    return clean;
  }

  async function converse(message: InboundMessage, person: Person, inboundId: string, log: Logger): Promise<Context> {
    const lang = replyLanguage(message.text, person.lang);
    const t = messagesFor(lang);
    const parser = await parsers.get();
    const session = (await sessions.read(person.id)) as Session;
    const before = JSON.stringify(session);
    const now = isoInZone(message.receivedAt, person.timezone);
    let reading: Promise<ParseResult> | null = null;
    const ctx: Context = {
      message,
      inboundId,
      person,
      lang,
      t,
      now,
      today: localDay(message.receivedAt, person.timezone),
      channel: capabilities(message.channel),
      log,
      parser,
      reading: () => (reading ??= understand({ text: ctx.message.text, senderId: person.id, now }, parser)),
      session,
      replies: [],
      intent: null,
      reply(...replies) {
        this.replies.push(...replies);
      },
    };
    const kind = message.attachment?.kind;
    // A photo or a location has no text to screen: its handler (src/media) reads the attachment.
    const wordless = kind === "image" || kind === "location";
    const said = kind === "voice" ? await hear(ctx) : message.text;
    const text = wordless || said === null ? null : screen(said, (text) => ctx.reply({ kind: "text", text }), t);
    if (text === null && !wordless) return ctx;
    // "2" after a numbered choice is that option, typed (or said) instead of tapped.
    if (text !== null)
      (ctx as { message: InboundMessage }).message = { ...message, text: pickedChoice(session, text) ?? text };
    await run(ctx);
    rememberChoices(session, ctx.replies);
    if (JSON.stringify(session) !== before) await sessions.write(person.id, session as SessionDocument);
    return ctx;
  }

  return {
    async handle(message) {
      const person = await identify(message);
      const recorded = await inbox.record(message, person?.id ?? null);
      const log = logger.child({ inbound: recorded.id, channel: message.channel, person: person?.id ?? null });
      if (recorded.duplicate) {
        log.info({ status: recorded.status }, "platform retry recognised; not handled again");
        return [];
      }
      if (!person) {
        const linked = deps.onUnknownSender ? await deps.onUnknownSender(message) : null;
        await inbox.finish(recorded.id, linked ? "handled" : "refused", { intent: linked ? "invite" : undefined });
        if (!linked) log.info("message from an unlinked sender refused");
        return linked ?? [{ kind: "text", text: inEveryLanguage((t) => t.core.unknownSender) }];
      }
      try {
        const ctx = await queue.run(person.id, () => converse(message, person, recorded.id, log));
        await inbox.finish(recorded.id, "handled", { intent: ctx.intent ?? undefined });
        return ctx.replies;
      } catch (error) {
        log.error({ err: error }, "message handling failed");
        await inbox.finish(recorded.id, "failed", { error: String(error) }).catch(() => undefined);
        return [{ kind: "text", text: messagesFor(replyLanguage(message.text, person.lang)).core.failed }];
      }
    },
  };
}
