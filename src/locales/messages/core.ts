/** The core's own answers: screening bad input, failures, strangers. */
export interface CoreMessages {
  /** Under numbered choices in plain text: 回复 1 或 2 / Reply 1 or 2. */
  replyWithNumber(choices: number): string;
  /** A message with no text left after cleaning. */
  noText: string;
  /** Only digits, emoji or punctuation: nothing to read, nothing stored. */
  nothingToRead: string;
  /** Written in a language the bot does not read (both languages, since it cannot tell which the sender reads). */
  otherLanguage: string;
  /** Handling failed; the message is kept. */
  failed: string;
  /** Over the length cap: stored, not read. */
  tooLong(cap: number): string;
  /** A sender not linked to anyone on the roster. */
  unknownSender: string;
  /** A question whose feature is not running here. */
  notAvailable: string;
}
