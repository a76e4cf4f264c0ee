/** "跳过老王家 今天关门" / "skip Joe's today, closed": set a planned shop aside for the day with the reason. */
import type { Context } from "../core/context.js";

const SKIP = /^(?:跳过|今天不去|先不去|skip(?:ping)?)\s*(.+)$/i;

/** Returns the shop and reason when the message asks to skip a shop; null otherwise. */
export function readSkip(ctx: Context): { retailerId: string; reason: string } | null {
  const match = SKIP.exec(ctx.message.text.trim());
  if (!match) return null;
  const rest = match[1];
  const shop = ctx.parser.parse({ text: rest, senderId: ctx.person.id, now: ctx.now }).shops.find((s) => s.id);
  if (!shop?.id) return null;
  const reason = (rest.slice(0, shop.mention.start) + rest.slice(shop.mention.end))
    .replace(/^[\s,，。.:：;；]+|[\s,，。.;；]+$/g, "")
    .replace(/^(今天|today)[\s,，]*/i, "");
  return { retailerId: shop.id, reason };
}
