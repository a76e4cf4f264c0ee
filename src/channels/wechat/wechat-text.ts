/**
 * The core's replies as WeChat text: plain, with numbered choices ("回复 1 或 2"), and cut into
 * messages short enough for WeChat at line breaks.
 */
import { replyToPlainText, type Reply } from "../../domain/messages.js";
import type { Lang } from "../../domain/roster.js";

/** WeChat accepts longer texts, but folds and sometimes truncates them; 1,500 characters stays readable. */
export const MAX_WECHAT_TEXT = 1500;

/** The messages to send for a batch of replies: joined, then split under `max` characters. */
export function wechatTexts(replies: Reply[], lang: Lang, max = MAX_WECHAT_TEXT): string[] {
  const text = replies
    .map((reply) => replyToPlainText(reply, lang).trim())
    .filter(Boolean)
    .join("\n\n");
  return text ? splitForWechat(text, max) : [];
}

/** Splits between replies (blank lines) when it can, else at a line break, else at a space, else hard. */
export function splitForWechat(text: string, max = MAX_WECHAT_TEXT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    // A break character at index `max` still leaves `max` characters before it.
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf("\n\n");
    if (cut < max / 3) cut = window.lastIndexOf("\n");
    if (cut < max / 3) cut = window.lastIndexOf(" ");
    if (cut < max / 3) cut = rest.slice(0, max).lastIndexOf("。") + 1;
    if (cut < max / 3) cut = max;
    // Never cut an emoji (a surrogate pair) in half.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? "")) cut--;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
