/**
 * "跳过老王家 今天关门" / "skip Joe's today, closed", and with the skip word last, "洪记副食今天关门了 跳过" /
 * "Joe's closed today, skipping": set a planned shop aside for the day with the reason.
 */
import type { Context } from "../core/context.js";
import { EN_SKIP } from "../locales/en/parse/skip.js";
import { ZH_SKIP } from "../locales/zh/parse/skip.js";

const SKIP_PHRASES = [ZH_SKIP, EN_SKIP];
/** A skip's opening words, then the shop and reason (group 1). */
const SKIP = new RegExp(`^(?:${SKIP_PHRASES.map((p) => p.lead.source).join("|")})\\s*(.+)$`, "i");
/** The shop and reason (group 1), then a skip's closing words. */
const SKIP_LAST = new RegExp(
  `^(.+?)[\\s,，。.;；!！]*(?:${SKIP_PHRASES.map((p) => p.trail.source).join("|")})[\\s。.!！]*$`,
  "i",
);
/** "Today" opening or closing the reason ("今天关门", "closed today"), with what separates it from the rest. */
const TODAY_WORDS = SKIP_PHRASES.map((p) => p.today.source).join("|");
const TODAY = new RegExp(`^(?:${TODAY_WORDS})[\\s,，]*|[\\s,，]*(?:${TODAY_WORDS})$`, "gi");

/** What a skip is read from: the text, and the rule parser to find the shop it names. */
type SkipSource = Pick<Context, "message" | "parser" | "person" | "now">;

/** Returns the shop and reason when the message asks to skip a shop the parser knows; null otherwise. */
export function readSkip(ctx: SkipSource): { retailerId: string; reason: string } | null {
  const text = ctx.message.text.trim();
  const rest = SKIP.exec(text)?.[1] ?? SKIP_LAST.exec(text)?.[1];
  if (rest === undefined) return null;
  const shop = ctx.parser.parse({ text: rest, senderId: ctx.person.id, now: ctx.now }).shops.find((s) => s.id);
  if (!shop?.id) return null;
  const reason = (rest.slice(0, shop.mention.start) + rest.slice(shop.mention.end))
    .replace(/^[\s,，。.:：;；]+|[\s,，。.;；]+$/g, "")
    .replace(TODAY, "");
  return { retailerId: shop.id, reason };
}
