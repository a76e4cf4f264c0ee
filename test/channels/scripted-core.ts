/**
 * A small core for channel tests: the real bot (identities, inbound log, retries, sessions, typed
 * numbers for choices) with one scripted handler instead of the feature list, so a channel test is
 * about the channel. A text in the script gets its scripted replies; anything else is echoed.
 */
import { type CoreBot, createBot } from "../../src/core/bot.js";
import type { Handler } from "../../src/core/handler.js";
import type { InboundMessage, Reply } from "../../src/domain/messages.js";
import type { Logger } from "../../src/log.js";
import type { Db } from "../../src/store/database.js";

function scriptedHandler(script: Record<string, Reply[]> = {}): Handler {
  return {
    name: "scripted",
    async handle(ctx) {
      const text = ctx.message.text;
      ctx.intent = "scripted";
      ctx.reply(...(script[text] ?? [{ kind: "text", text: `echo: ${text}` }]));
    },
  };
}

export function scriptedCore(deps: {
  db: Db;
  logger: Logger;
  script?: Record<string, Reply[]>;
  onUnknownSender?: (message: InboundMessage) => Promise<Reply[] | null>;
}): CoreBot {
  return createBot({
    db: deps.db,
    logger: deps.logger,
    handlers: [scriptedHandler(deps.script)],
    onUnknownSender: deps.onUnknownSender,
  });
}
