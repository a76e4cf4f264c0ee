/**
 * The core's replies as WeChat text: plain, with numbered choices ("回复 1 或 2"), and cut into
 * messages short enough for WeChat at line breaks.
 */
import { replyToPlainText } from "../../core/plain-text.js";
import type { Reply } from "../../domain/messages.js";
import type { Messages } from "../../locales/index.js";

/** WeChat accepts longer texts, but folds and sometimes truncates them; 1,500 characters stays readable. */
export const MAX_WECHAT_TEXT = 1500;

/** The messages to send for a batch of replies, in `t`'s language: joined, then split under `max` characters. */
export function wechatTexts(replies: Reply[], t: Messages, max = MAX_WECHAT_TEXT): string[] {
  const text = replies
    .map((reply) => replyToPlainText(reply, t).trim())
    .filter(Boolean)
    .join("\n\n");
  return text ? splitForWechat(text, max) : [];
}

/** Splits between replies (blank lines) when it can, else at a line break, else at a space, else hard. */
export function splitForWechat(text: string, max = MAX_WECHAT_TEXT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  // A part shorter than a third of the limit wastes a message: look for a weaker break instead.
  const shortest = max / 3;
  while (rest.length > max) {
    // A break character at index `max` still leaves `max` characters before it.
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf("\n\n");
    if (cut < shortest) cut = window.lastIndexOf("\n");
    if (cut < shortest) cut = window.lastIndexOf(" ");
    if (cut < shortest) cut = rest.slice(0, max).lastIndexOf("。") + 1;
    if (cut < shortest) cut = max;
    // Never cut an emoji (a surrogate pair) in half.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? "")) cut--;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
