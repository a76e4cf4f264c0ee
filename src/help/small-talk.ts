/** Short, friendly answers to messages that are not reports or questions ("谢谢", "hi"). */
import type { Context } from "../core/context.js";

const THANKS = /谢|感谢|辛苦|thank|thx|ty\b|cheers|appreciate/i;
const GREETING = /^(你好|您好|早|早上好|中午好|下午好|晚上好|在吗|hi|hello|hey|good (morning|afternoon|evening)|morning)\b/i;
const ACK = /^(收到|好的|好|嗯|ok|okay|got it|sure|👍|🙏|👌)/i;

export function smallTalk(ctx: Context): void {
  const text = ctx.message.text.trim();
  if (THANKS.test(text)) return ctx.say("不客气！有拜访随时发给我。", "You're welcome! Send me your visits any time.");
  if (GREETING.test(text)) {
    return ctx.say(`${ctx.person.name}，您好！直接发拜访情况给我就行，发「帮助」看看我能做什么。`, `Hi ${ctx.person.name}! Just text me your visits, or send "help" to see what I can do.`);
  }
  if (ACK.test(text)) return ctx.say("👌", "👌");
  ctx.say(
    "收到。要记录拜访，直接发「店名 + 情况」就行，例如「张记 中华断货 红塔山12条」；发「帮助」看看我能做什么。",
    "Got it. To log a visit just send the shop and what happened, e.g. \"Joe's OOS Coke Zero, 3 cs Sprite\"; send \"help\" to see what I can do.",
  );
}
