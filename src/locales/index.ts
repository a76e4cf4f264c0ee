/** The message catalogue for a language: `messagesFor(person.lang).visits.saved(…)`. */
import type { Lang } from "../domain/roster.js";
import { en } from "./en/index.js";
import type { Messages } from "./messages.js";
import { zh } from "./zh/index.js";

export type { Messages } from "./messages.js";
export type { Formatter, Noun } from "./format.js";

const CATALOGUES: Record<Lang, Messages> = { zh, en };

export function messagesFor(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** For senders whose language is unknown: the same message in every language, Chinese first. */
export function inEveryLanguage(pick: (t: Messages) => string): string {
  return [pick(zh), pick(en)].join("\n\n");
}
