/**
 * The chat page's own words, from the message catalogue of every language, as the small script
 * (/texts.js) the page loads before app.js: the page holds no wording of its own.
 */
import { LANGS } from "../../domain/roster.js";
import { messagesFor } from "../../locales/index.js";

export const PAGE_TEXTS_PATH = "/texts.js";

/** `window.FIELDMATE_TEXTS = {zh: {...}, en: {...}}`, the roster's default language first. */
export function pageTextsScript(): string {
  const texts = Object.fromEntries(LANGS.map((lang) => [lang, messagesFor(lang).channels.webPage]));
  return `// Built by the server from src/locales/*/channels.ts.\nwindow.FIELDMATE_TEXTS = ${JSON.stringify(texts)};\n`;
}
