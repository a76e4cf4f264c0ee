/**
 * The small pages GET /login/TOKEN answers with when it does not sign anyone in: the link was used
 * or expired, or a link-preview robot fetched it. Nobody is known yet, so every language is shown.
 */
import { LANGS } from "../../domain/roster.js";
import { type Messages, messagesFor } from "../../locales/index.js";

type SignInPageMessages = Messages["channels"]["signInPage"];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(paragraphs: (t: SignInPageMessages) => string[]): string {
  const sections = LANGS.map((lang) => {
    const t = messagesFor(lang).channels.signInPage;
    const body = paragraphs(t)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("");
    return `<section class="panel" lang="${lang}"><h2>${escapeHtml(t.title)}</h2>${body}</section>`;
  }).join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fieldmate</title><link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="stylesheet" href="/style.css"></head>
<body><main>
${sections}
</main></body>
</html>
`;
}

/** A second use of a link, or one opened too late. */
export const usedOrExpiredPage = (): string => page((t) => [t.usedOrExpired, t.howToGetOne]);

/** For link-preview robots (Slack, WeChat): says what the link is without using it up. */
export const openInBrowserPage = (): string => page((t) => [t.openInBrowser]);
