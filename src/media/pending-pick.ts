/**
 * The one short question media handlers ask ("which shop?"): the shops offered are kept in the
 * session, and the next message either names one of them (typed, said or picked by number) or is
 * something else, which drops the question and goes on as usual.
 */
import type { Context } from "../core/context.js";
import type { Handler } from "../core/handler.js";
import type { Session } from "../core/session.js";
import type { Db } from "../store/database.js";
import { type Shop, shopsByIds } from "./media-queries.js";

/** Offers `shops` as choices. */
export function askWhichShop(ctx: Context, question: string, shops: Shop[]): void {
  ctx.reply({ kind: "choices", text: question, choices: shops.map((s) => ({ label: s.name, value: s.name })) });
}

type PendingKey = {
  [K in keyof Session]-?: NonNullable<Session[K]> extends { shops: string[] } ? K : never;
}[keyof Session];

/**
 * The answer to a question kept in `session[key]`: the question is dropped either way; when the
 * message names an offered shop, `act` finishes what was asked about, else the message goes on.
 */
export function shopAnswer<K extends PendingKey>(
  name: string,
  db: Db,
  key: K,
  intent: string,
  act: (ctx: Context, shop: Shop, pending: NonNullable<Session[K]>) => Promise<void>,
): Handler {
  return {
    name,
    async handle(ctx, next) {
      const pending = ctx.session[key];
      if (!pending) return next();
      delete ctx.session[key];
      const said = ctx.message.text.trim();
      const shop = said ? (await shopsByIds(db, pending.shops)).find((s) => s.name === said) : undefined;
      if (!shop) return next();
      ctx.intent = intent;
      await act(ctx, shop, pending as NonNullable<Session[K]>);
    },
  };
}
