/** Slack's message markup turned back into the plain text a person typed. */

/**
 * Decodes Slack's escaping and angle-bracket markup: links become their label (or address),
 * user and channel mentions their names; mentions of the bot itself are dropped.
 */
export function fromSlackText(text: string, botUserId: string | null = null): string {
  return text
    .replace(/<([^<>]+)>/g, (_, inner: string) => {
      const [target, label] = splitOnce(inner, "|");
      if (target.startsWith("@")) {
        if (botUserId && target === `@${botUserId}`) return "";
        return label ? `@${label}` : target;
      }
      if (target.startsWith("#")) return label ? `#${label}` : target;
      if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0]}`;
      if (label) return label;
      return target.replace(/^mailto:/, "");
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
