/**
 * A made-up channel for a pager service, written only for tests: everything a channel is lives in
 * this one folder, and a channel list with it added is all the rest of Fieldmate needs. Inbound
 * messages arrive as JSON at POST /pager/inbound on the shared web server; outbound pages are kept
 * in `delivered`, each sent through the channel's own pacer.
 */
import type http from "node:http";
import { z } from "zod";
import type { ChannelPlugin } from "../../../src/channels/channel-plugin.js";
import { optionalText } from "../../../src/config/variables.js";
import { replyToPlainText } from "../../../src/core/plain-text.js";
import { messagesFor } from "../../../src/locales/index.js";

export const PAGER_PATH = "/pager/inbound";
/** The pager service's display holds this many characters. */
const PAGER_SCREEN = 160;

const pagerVariables = z.object({
  PAGER_TOKEN: optionalText,
  PAGER_SENDER: z
    .string()
    .regex(/^[A-Z]{3,8}$/, { message: "must be 3 to 8 capital letters" })
    .default("FIELDMATE"),
});

export interface Page {
  to: string;
  from: string;
  text: string;
  at: number;
}

export function pagerChannel(): { plugin: ChannelPlugin<typeof pagerVariables.shape>; delivered: Page[] } {
  const delivered: Page[] = [];
  const plugin: ChannelPlugin<typeof pagerVariables.shape> = {
    name: "pager",
    config: pagerVariables,
    secrets: ["PAGER_TOKEN"],
    enabled: (config) => config.PAGER_TOKEN !== null,
    paths: () => [PAGER_PATH],
    addressing: "linked",
    capabilities: { images: false, files: false, buttons: false, maxTextLength: PAGER_SCREEN },
    // The service takes one page per person every 200 ms.
    pacing: { perRecipientMs: 200 },
    async start({ config, bot, pacer, roster }) {
      const t = messagesFor("en");
      return {
        async send(to, replies) {
          const person = await roster.personByIdentity("pager", to);
          const text = replies
            .map((reply) => replyToPlainText(reply, person ? messagesFor(person.lang) : t))
            .join("\n");
          await pacer.run(to, async () => void delivered.push({ to, from: config.PAGER_SENDER, text, at: Date.now() }));
        },
        async route(req: http.IncomingMessage, res: http.ServerResponse) {
          if (req.method !== "POST") return false;
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { from: string; id: string; text: string };
          const replies = await bot.handle({
            channel: "pager",
            externalUserId: body.from,
            externalMessageId: body.id,
            text: body.text,
            receivedAt: new Date(),
          });
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ pages: replies.map((reply) => replyToPlainText(reply, t)) }));
          return true;
        },
        async stop() {},
      };
    },
  };
  return { plugin, delivered };
}
