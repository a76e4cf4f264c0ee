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
import { type Logger, lazyChild } from "../log.js";
import type { ParseInput, ParseResult, Parser } from "../parse/index.js";
import type { Db } from "../store/database.js";
import { DEFAULT_LEASE_MS, Inbox, type LeasedInbound } from "../store/inbox.js";
import { OutboxStore } from "../store/outbox-store.js";
import { inPersonTransaction } from "../store/person-transaction.js";
import { RosterStore } from "../store/roster-store.js";
import { type SessionDocument, SessionStore } from "../store/session-store.js";
import { pickedChoice, rememberChoices } from "./choice-memory.js";
import type { Context } from "./context.js";
import { compose, type Handler } from "./handler.js";
import { detectLanguage, replyLanguage } from "./language.js";
import { LoopTurns } from "./loop-turns.js";
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
  /** How long a stored message is this instance's to handle before a sweeper may take it over. */
  leaseMs?: number;
  /** Called for a message from an unlinked sender before the refusal; returns replies when it linked them (invite codes). */
  onUnknownSender?: (message: InboundMessage) => Promise<Reply[] | null>;
  /**
   * A voice note's words, read from ctx.message (src/media/voice.ts); it replies itself (what it
   * heard, or why it heard nothing) and returns null when there is nothing to go on with.
   */
  hear?: (ctx: Context) => Promise<string | null>;
}

export interface Bot {
  /** Stores the message raw, then handles it: resolves with its replies. */
  handle(message: InboundMessage): Promise<Reply[]>;
  /**
   * Stores the message raw and resolves then (what a channel may acknowledge); `replies` resolves
   * once it is handled. A retry of a message still being handled waits for it, or handles it when
   * the instance that stored it is gone. Optional for stand-ins: `handle` alone then.
   */
  accept?(message: InboundMessage): Promise<Accepted>;
}

/** The core itself: also the sweeper's entry. */
export interface CoreBot extends Bot {
  accept(message: InboundMessage): Promise<Accepted>;
  /** Handles rows left `received` whose lease ran out; their replies go out through the outbox. */
  sweep(): Promise<number>;
  /**
   * Builds the parser and reads a report in each language once, before the server takes messages:
   * otherwise the first messages after a start pay for it (the roster's indexes, the rules'
   * patterns compiled, the code still cold) and hold the event loop 100–200 ms.
   */
  warm(): Promise<void>;
}

export interface Accepted {
  replies: Promise<Reply[]>;
  /**
   * True when the message is already being handled here for an earlier delivery: `replies` are that
   * handling's, and also answer it. A channel that posts replies itself (Slack) posts them once.
   */
  echo?: boolean;
}

/** The longest message read, the same on every channel: longer ones are stored and answered, not parsed. */
const MESSAGE_CAP = 4000;
const SWEEP_BATCH = 50;
/**
 * What `warm()` has the parser read, twice: reports, a long report, a correction and an answer in each
 * language, so that the rules' patterns are compiled and their code is warm before the first message.
 */
const WARM_UP_TEXTS = [
  "张记便利店 软中华断货，硬中华还有3条，老板说下周一再来补货，订了5条利群",
  "今天跑了刘记和老韩家 刘记的芙蓉王还剩7条 黄鹤楼软蓝断货了 老韩家帮老板把烟柜擦了一遍 老板说最近双喜卖得慢",
  "张记便利店 中华断货 硬中华还有3条\n".repeat(60),
  "修改 #3F2A9C01 中华还有5条",
  "是的，昨天去的",
  "Eastside Corner Store: 4 cases Diet Coke, out of Coke Zero, they ordered 6 cases Sprite, back next Tuesday",
  "Little Saigon Market: Sprite 12pk 3 cases, Fanta 2L 5 bottles, out of Minute Maid. Owner asked for more Topo Chico",
  "fix #3F2A9C01 Diet Coke was 5 cases",
];
const WARM_UP_ROUNDS = 2;
/** How often a retry of a message another instance is handling looks whether it is done. */
const RETRY_POLL_MS = 200;

/** Thrown inside a message's transaction when its row was taken over: the rollback undoes its records. */
class LeaseLost extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TEXT_ONLY: ChannelCapabilities = { images: false, files: false, buttons: false };
/** Control characters other than tab and newlines: binary noise, never meaningful in a report. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern exists to strip these characters from inbound text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

export function createBot(deps: BotDeps): CoreBot {
  const { db, logger } = deps;
  const roster = RosterStore.shared(db);
  const inbox = new Inbox(db);
  const outbox = new OutboxStore(db, { now: () => new Date() });
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  /** Rows this instance is handling now, by inbound id: a retry arriving meanwhile waits for the same replies. */
  const inflight = new Map<string, Promise<Reply[] | null>>();
  const sessions = new SessionStore(db);
  const parsers = new ParserCache(roster);
  const queue = new PerPersonQueue();
  const heavy = new LoopTurns();
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
    if (text !== null) {
      (ctx as { message: InboundMessage }).message = { ...message, text: pickedChoice(session, text) ?? text };
      // The rules read the message once, in a turn of the loop of its own (loop-turns.ts); the
      // handlers then find the reading remembered.
      await heavy.take();
      parser.parse({ text: ctx.message.text, senderId: person.id, now });
    }
    await run(ctx);
    rememberChoices(session, ctx.replies);
    if (JSON.stringify(session) !== before) await sessions.write(person.id, session as SessionDocument);
    return ctx;
  }

  /** One leased row, handled in one transaction: records, dialogue state and the handled mark commit together. */
  async function process(leased: LeasedInbound, person: Person | null, log: Logger): Promise<Reply[] | null> {
    const { message } = leased;
    if (!person) {
      const linked = deps.onUnknownSender ? await deps.onUnknownSender(message) : null;
      const ours = await inbox.finish(leased, linked ? "handled" : "refused", {
        intent: linked ? "invite" : undefined,
      });
      if (!linked) log.info("message from an unlinked sender refused");
      if (!ours) return null;
      return linked ?? [{ kind: "text", text: inEveryLanguage((t) => t.core.unknownSender) }];
    }
    const t = messagesFor(replyLanguage(message.text, person.lang));
    if ([...message.text].length > MESSAGE_CAP) {
      // Stored raw above; too long to read in one go (and to hold the server with).
      log.info({ length: message.text.length }, "message over the length cap; stored, not read");
      return (await inbox.finish(leased, "refused", { intent: "too_long" }))
        ? [{ kind: "text", text: t.core.tooLong(MESSAGE_CAP) }]
        : null;
    }
    try {
      return await queue.run(person.id, () =>
        inPersonTransaction(db, person.id, async () => {
          const ctx = await converse(message, person, leased.id, log);
          if (!(await inbox.finish(leased, "handled", { intent: ctx.intent ?? undefined }))) throw new LeaseLost();
          return ctx.replies;
        }),
      );
    } catch (error) {
      if (error instanceof LeaseLost) {
        log.warn("another instance took this message over; its work here is rolled back");
        return null;
      }
      log.error({ err: error }, "message handling failed");
      await inbox.finish(leased, "failed", { error: String(error) }).catch(() => undefined);
      return [{ kind: "text", text: t.core.failed }];
    }
  }

  /** The attachment's bytes, fetched and stored now when the channel left them for after the row (fetchMedia). */
  async function withFetchedMedia(leased: LeasedInbound, log: Logger): Promise<LeasedInbound> {
    const { message } = leased;
    if (!message.fetchMedia || message.media || !message.attachment) return leased;
    const media = await message.fetchMedia().catch((error: unknown) => {
      log.warn({ err: error }, "the attachment could not be fetched; handled without it");
      return undefined;
    });
    if (media) await inbox.attachMedia(leased.id, message.attachment, media);
    return { ...leased, message: { ...message, media, fetchMedia: undefined } };
  }

  /** Handles a row this instance holds; concurrent asks for the same row share the one handling. */
  function handleLeased(leased: LeasedInbound, personId: string | null): Promise<Reply[] | null> {
    const running = inflight.get(leased.id);
    if (running) return running;
    const log = lazyChild(logger, { inbound: leased.id, channel: leased.message.channel, person: personId });
    const job = (async () => {
      const person = personId ? await roster.person(personId) : null;
      return process(await withFetchedMedia(leased, log), person, log);
    })();
    inflight.set(leased.id, job);
    void job.then(
      () => inflight.delete(leased.id),
      () => inflight.delete(leased.id),
    );
    return job;
  }

  /** A retry of a stored message: its handling here, or another instance's, or ours once their lease ran out. */
  async function retried(id: string, personId: string | null): Promise<Reply[]> {
    const deadline = Date.now() + 2 * leaseMs;
    for (;;) {
      // Another retry took it over meanwhile: that delivery gets the replies.
      const running = inflight.get(id);
      if (running) return running.then(() => []);
      const leased = await inbox.takeOver(id, leaseMs);
      if (leased) return (await handleLeased(leased, personId)) ?? [];
      if ((await inbox.status(id)) !== "received" || Date.now() > deadline) return [];
      await sleep(RETRY_POLL_MS);
    }
  }

  /**
   * Deliveries of one message being accepted here, by (channel, sender, message id): a second delivery
   * while the first is still in hand shares its replies as an echo. Checked before the inbox, because
   * on SQLite the second delivery's insert waits for the first's transaction and would only find the
   * row handled.
   */
  const accepting = new Map<string, Promise<Reply[]>>();

  function accept(message: InboundMessage): Promise<Accepted> {
    const key = JSON.stringify([message.channel, message.externalUserId, message.externalMessageId]);
    const running = accepting.get(key);
    if (running) return Promise.resolve({ replies: running, echo: true });
    const accepted = acceptStored(message);
    const replies = accepted.then((a) => a.replies);
    accepting.set(key, replies);
    void replies.then(
      () => accepting.delete(key),
      () => accepting.delete(key),
    );
    return accepted;
  }

  async function acceptStored(message: InboundMessage): Promise<Accepted> {
    const person = await identify(message);
    const recorded = await inbox.record(message, person?.id ?? null, leaseMs);
    if (recorded.duplicate) {
      logger.info({ inbound: recorded.id, status: recorded.status }, "platform retry recognised; not handled again");
      if (recorded.status !== "received") return { replies: Promise.resolve([]) };
      const running = inflight.get(recorded.id);
      if (running) return { replies: running.then((r) => r ?? []), echo: true };
      return { replies: retried(recorded.id, person?.id ?? null) };
    }
    const leased: LeasedInbound = { id: recorded.id, lease: recorded.lease, message, personId: person?.id ?? null };
    return { replies: handleLeased(leased, person?.id ?? null).then((r) => r ?? []) };
  }

  /** Rows a crash left `received`: handled here, their replies pushed (the sender's request is long gone). */
  async function sweep(): Promise<number> {
    let handled = 0;
    for (const id of await inbox.abandoned(SWEEP_BATCH)) {
      const leased = await inbox.takeOver(id, leaseMs);
      if (!leased) continue;
      const replies = await handleLeased(leased, leased.personId);
      handled++;
      if (!replies?.length || !leased.personId) continue;
      const person = await roster.person(leased.personId);
      if (!person) continue;
      await outbox.enqueue({
        personId: person.id,
        kind: `reply:${id}`,
        day: localDay(new Date(), person.timezone),
        replies,
      });
    }
    return handled;
  }

  async function warm(): Promise<void> {
    const parser = await parsers.get();
    const now = isoInZone(new Date(), "UTC");
    try {
      for (let round = 0; round < WARM_UP_ROUNDS; round++)
        for (const text of WARM_UP_TEXTS) parser.parse({ text: `${text}${" ".repeat(round)}`, senderId: "", now });
    } catch (error) {
      // Only a head start: a reading that fails here fails again, and is answered, with the message that meets it.
      logger.warn({ err: error }, "warming the parser up failed");
    }
  }

  return {
    accept,
    sweep,
    warm,
    async handle(message) {
      return (await accept(message)).replies;
    },
  };
}
