/** Short, friendly answers to messages that are not reports or questions ("谢谢", "hi"). */
import type { Context } from "../core/context.js";

const THANKS = /谢|感谢|辛苦|thank|thx|ty\b|cheers|appreciate/i;
const GREETING =
  /^(你好|您好|早|早上好|中午好|下午好|晚上好|在吗|hi|hello|hey|good (morning|afternoon|evening)|morning)\b/i;
const ACK = /^(收到|好的|好|嗯|ok|okay|got it|sure|👍|🙏|👌)/i;

/** The answer to chatter; what the bot did not understand is said plainly, never "收到"/"got it". */
export function smallTalk(ctx: Context): string {
  const text = ctx.message.text.trim();
  const { help } = ctx.t;
  if (THANKS.test(text)) return help.thanks;
  if (GREETING.test(text)) return help.greeting(ctx.person.name);
  if (ACK.test(text)) return help.acknowledged;
  return help.notUnderstood;
}
