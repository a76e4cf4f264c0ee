/**
 * Channel-neutral message types: what adapters hand to the core and what the core answers.
 * Each channel renders replies in its own idiom (Block Kit, numbered WeChat text, web cards).
 */
import type { Lang } from "../domain/roster.js";

export const CHANNELS = ["web", "slack", "wechat"] as const;
export type ChannelName = (typeof CHANNELS)[number];

export interface InboundMessage {
  channel: ChannelName;
  /** The sender as the platform knows them (Slack user id, WeChat contact id, person id on the web). */
  externalUserId: string;
  /** The platform's own message id; a second delivery with the same id is a retry. */
  externalMessageId: string;
  text: string;
  receivedAt: Date;
  /** The platform message this one replies to, when the channel tells us. */
  replyToExternalId?: string | null;
}

/** One option the user can pick; `value` is sent back as if typed. */
export interface Choice {
  label: string;
  value: string;
}

export interface TextReply {
  kind: "text";
  text: string;
}

/** A question with numbered options ("1) 胡记超市 2) 胡记便利店"). */
export interface ChoicesReply {
  kind: "choices";
  text: string;
  choices: Choice[];
}

/** A receipt or summary card: a title, labelled lines and actions (edit, undo). */
export interface CardReply {
  kind: "card";
  title: string;
  lines: { label: string; value: string }[];
  actions: Choice[];
  footer?: string;
}

/** An image the channel can show (chart); `url` is served by the web server, `png` holds the bytes. */
export interface ImageReply {
  kind: "image";
  title: string;
  url: string;
  png?: Uint8Array;
}

/** A file to download or attach (spreadsheet export). */
export interface FileReply {
  kind: "file";
  title: string;
  filename: string;
  url: string;
  bytes?: Uint8Array;
}

export type Reply = TextReply | ChoicesReply | CardReply | ImageReply | FileReply;

/** Plain text rendering for channels without rich formatting (WeChat, logs, CLI). */
export function replyToPlainText(reply: Reply, lang: Lang): string {
  switch (reply.kind) {
    case "text":
      return reply.text;
    case "choices": {
      const options = reply.choices.map((c, i) => `${i + 1}) ${c.label}`).join("\n");
      const hint =
        lang === "zh"
          ? `回复 ${reply.choices.map((_, i) => i + 1).join(" 或 ")}`
          : `Reply ${reply.choices.map((_, i) => i + 1).join(" or ")}`;
      return `${reply.text}\n${options}\n${hint}`;
    }
    case "card": {
      const body = reply.lines.map((l) => `${l.label}: ${l.value}`).join("\n");
      const actions = reply.actions.length
        ? "\n" + reply.actions.map((a) => (lang === "zh" ? `「${a.value}」` : `"${a.value}"`)).join(" / ")
        : "";
      return `${reply.title}\n${body}${reply.footer ? "\n" + reply.footer : ""}${actions}`;
    }
    case "image":
      return `${reply.title}: ${reply.url}`;
    case "file":
      return `${reply.title}: ${reply.url}`;
  }
}
