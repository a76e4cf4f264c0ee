/** Replies as plain text, for channels without rich formatting (WeChat, logs, the CLI). */
import type { Reply } from "../domain/messages.js";
import type { Messages } from "../locales/index.js";

export function replyToPlainText(reply: Reply, t: Messages): string {
  switch (reply.kind) {
    case "text":
      return reply.text;
    case "choices": {
      const options = reply.choices.map((c, i) => `${i + 1}) ${c.label}`).join("\n");
      return `${reply.text}\n${options}\n${t.core.replyWithNumber(reply.choices.length)}`;
    }
    case "card": {
      const body = reply.lines.map((l) => `${l.label}${t.format.colon}${l.value}`).join("\n");
      const actions = reply.actions.length ? `\n${reply.actions.map((a) => t.format.quote(a.value)).join(" / ")}` : "";
      return `${reply.title}\n${body}${reply.footer ? `\n${reply.footer}` : ""}${actions}`;
    }
    case "image":
    case "file":
      return `${reply.title}${t.format.colon}${reply.url}`;
  }
}
