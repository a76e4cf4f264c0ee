/**
 * What every handler gets for one message: the message, the sender, the language and catalogue to
 * answer in, the local `now`, the parser's reading, the sender's session, and `reply()` (grammY's
 * context, without the network). Stores and services are not here: a feature receives those when
 * its handlers are made.
 */
import type { ChannelCapabilities, InboundMessage, Reply } from "../domain/messages.js";
import type { Lang, Person } from "../domain/roster.js";
import type { Messages } from "../locales/index.js";
import type { Logger } from "../log.js";
import type { ParseResult, Parser } from "../parse/index.js";
import type { Session } from "./session.js";

export interface Context {
  readonly message: InboundMessage;
  /** The raw inbound row this message was stored as. */
  readonly inboundId: string;
  readonly person: Person;
  /** The language to answer in: the message's own, else the person's. */
  readonly lang: Lang;
  /** Every reply text, in `lang`. */
  readonly t: Messages;
  /** When the message arrived, ISO 8601 in the sender's zone. */
  readonly now: string;
  /** The sender's local calendar day. */
  readonly today: string;
  /** What the channel the message came on can show (images, files, buttons). */
  readonly channel: ChannelCapabilities;
  readonly log: Logger;
  /** The rule parser, for quick look-ups of the shops and products a text names. */
  readonly parser: Parser;
  /** The full reading of the message (rules, or rules with a model), made once on first use. */
  reading(): Promise<ParseResult>;
  /** The sender's conversation state, kept between messages; saved after the message is handled. */
  readonly session: Session;
  readonly replies: Reply[];
  reply(...replies: Reply[]): void;
  /** What the message was handled as, for the inbound log. */
  intent: string | null;
}
