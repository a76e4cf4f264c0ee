/** The message catalogue for a language: `messagesFor(person.lang).visits.saved(…)`. */
import type { Lang } from "../domain/roster.js";
import { en } from "./en/index.js";
import { replies as enReplies } from "./en/parse/replies.js";
import type { Messages } from "./messages.js";
import type { ReplyPhrases } from "./phrases.js";
import { zh } from "./zh/index.js";
import { replies as zhReplies } from "./zh/parse/replies.js";

export type { Messages } from "./messages.js";
export type { ReplyPhrases } from "./phrases.js";

const CATALOGUES: Record<Lang, Messages> = { zh, en };

export function messagesFor(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** For senders whose language is unknown: the same message in every language, Chinese first. */
export function inEveryLanguage(pick: (t: Messages) => string): string {
  return [pick(zh), pick(en)].join("\n\n");
}

/** How replies are read, in every language the bot knows: a reply is understood whichever it is written in. */
export const REPLY_PHRASES: readonly ReplyPhrases[] = [zhReplies, enReplies];
