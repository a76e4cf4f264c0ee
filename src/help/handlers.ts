/** Help and small talk: "帮助" answered with examples, and the last word on anything nobody else took. */
import type { Handler } from "../core/handler.js";
import { onIntent } from "../core/handler.js";
import type { RosterStore } from "../store/roster-store.js";
import { helpText } from "./help.js";
import { smallTalk } from "./small-talk.js";

export function helpHandlers(deps: { roster: RosterStore }): Handler[] {
  return [
    onIntent("help", ["help"], async (ctx) => ctx.reply({ kind: "text", text: await helpText(ctx, deps.roster) })),
    {
      name: "small talk",
      async handle(ctx) {
        ctx.intent ??= (await ctx.reading()).intent.value;
        ctx.reply({ kind: "text", text: smallTalk(ctx) });
      },
    },
  ];
}
