/**
 * "网页登录" / "web login" from a linked chat account: a one-time link to the web chat, answered to
 * the person alone (the channels answer group messages privately). Exact phrases only, so it never
 * takes a visit report.
 */
import type { Handler } from "../core/handler.js";
import { phraseKey } from "../core/phrase-key.js";
import { LANGS } from "../domain/roster.js";
import { messagesFor } from "../locales/index.js";
import { DEFAULT_LINK_MINUTES, type SignInLinks } from "./sign-in-links.js";

/** Every language's phrases: someone may ask in either. */
const PHRASES = new Set(LANGS.flatMap((lang) => messagesFor(lang).webLogin.phrases.map(phraseKey)));

export function webLoginHandlers(deps: { links: SignInLinks }): Handler[] {
  return [
    {
      name: "web login",
      async handle(ctx, next) {
        if (!PHRASES.has(phraseKey(ctx.message.text))) return next();
        ctx.intent = "web_login";
        if (ctx.message.channel === "web") {
          ctx.reply({ kind: "text", text: ctx.t.webLogin.alreadyHere });
          return;
        }
        const { url } = await deps.links.create(ctx.person.id, DEFAULT_LINK_MINUTES);
        ctx.log.info({ person: ctx.person.id }, "web sign-in link sent");
        ctx.reply({ kind: "text", text: ctx.t.webLogin.link(url, DEFAULT_LINK_MINUTES) });
      },
    },
  ];
}
