/**
 * The core's replies in Slack's idiom: text as mrkdwn sections, choices and card actions as buttons
 * whose value goes back to the core as if typed, cards as header + fields, images as image blocks.
 * Pure: what cannot be shown by URL (bytes with no public address) is returned as uploads for the poster.
 */
import type { types } from "@slack/bolt";
import { replyToPlainText } from "../../core/plain-text.js";
import type { Choice, Reply } from "../../domain/messages.js";
import type { Messages } from "../../locales/index.js";
import { fileSlug, reachableUrl } from "../file-links.js";

export type Block = types.KnownBlock;

/** Every button we render has an action id with this prefix; the action listener matches on it. */
const ACTION_PREFIX = "fm_";
export const ACTION_ID_PATTERN = /^fm_/;

// Slack's documented limits.
export const SECTION_TEXT_MAX = 3000;
const HEADER_MAX = 150;
const BUTTON_TEXT_MAX = 75;
const BUTTON_VALUE_MAX = 2000;
const FIELDS_PER_SECTION = 10;
const FIELD_TEXT_MAX = 2000;
const IMAGE_TEXT_MAX = 2000;
const BUTTONS_PER_ACTIONS = 25;
const MESSAGE_BLOCKS_MAX = 50;
const HOME_BLOCKS_MAX = 100;
/** Notification / fallback text: Slack truncates long ones anyway. */
const FALLBACK_TEXT_MAX = 3000;

export interface RenderOptions {
  /** The catalogue of the person's language, for the plain-text fallback. */
  t: Messages;
  /** PUBLIC_URL: makes the web server's relative /files/... links reachable from Slack. */
  publicUrl: string | null;
}

interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface SlackUpload {
  filename: string;
  title: string;
  bytes: Uint8Array;
}

export interface RenderedReplies {
  messages: SlackMessage[];
  uploads: SlackUpload[];
}

/** Renders replies as one or more messages (at most 50 blocks each) plus files to upload. */
export function renderReplies(replies: Reply[], options: RenderOptions): RenderedReplies {
  const uploads: SlackUpload[] = [];
  const groups = replies.map((reply, index) => ({ reply, blocks: replyBlocks(reply, index, options, uploads) }));
  const messages: SlackMessage[] = [];
  let blocks: Block[] = [];
  let texts: string[] = [];
  const flush = () => {
    if (!blocks.length) return;
    messages.push({ text: truncate(texts.join("\n\n"), FALLBACK_TEXT_MAX), blocks });
    blocks = [];
    texts = [];
  };
  for (const group of groups) {
    if (!group.blocks.length) continue;
    if (blocks.length + group.blocks.length > MESSAGE_BLOCKS_MAX) flush();
    // A single reply larger than a message (a very long text) is cut into message-sized pieces.
    for (let i = 0; i < group.blocks.length; i += MESSAGE_BLOCKS_MAX) {
      if (i > 0) flush();
      blocks.push(...group.blocks.slice(i, i + MESSAGE_BLOCKS_MAX));
    }
    texts.push(replyToPlainText(group.reply, options.t));
  }
  flush();
  return { messages, uploads };
}

/** The blocks of an App Home view (at most 100), under a title. */
export function renderHome(title: string, replies: Reply[], options: RenderOptions): Block[] {
  const blocks: Block[] = [{ type: "header", text: plain(title, HEADER_MAX) }];
  replies.forEach((reply, index) => {
    if (index > 0) blocks.push({ type: "divider" });
    blocks.push(...replyBlocks(reply, index, options, []));
  });
  return blocks.slice(0, HOME_BLOCKS_MAX);
}

function replyBlocks(reply: Reply, index: number, options: RenderOptions, uploads: SlackUpload[]): Block[] {
  switch (reply.kind) {
    case "text":
      return textSections(reply.text);
    case "choices":
      return [...textSections(reply.text), ...buttonRows(reply.choices, `${ACTION_PREFIX}choice_${index}`, index)];
    case "card": {
      const blocks: Block[] = [{ type: "header", text: plain(reply.title, HEADER_MAX) }];
      for (let i = 0; i < reply.lines.length; i += FIELDS_PER_SECTION) {
        blocks.push({
          type: "section",
          fields: reply.lines.slice(i, i + FIELDS_PER_SECTION).map((line) => ({
            type: "mrkdwn" as const,
            text: truncate(`*${escapeMrkdwn(line.label)}*\n${escapeMrkdwn(line.value)}`, FIELD_TEXT_MAX),
          })),
        });
      }
      if (reply.footer)
        blocks.push({
          type: "context",
          elements: [{ type: "mrkdwn", text: truncate(escapeMrkdwn(reply.footer), SECTION_TEXT_MAX) }],
        });
      blocks.push(...buttonRows(reply.actions, `${ACTION_PREFIX}card_${index}`, index));
      return blocks;
    }
    case "image": {
      const url = reachableUrl(reply.url, options.publicUrl);
      if (url)
        return [
          {
            type: "image",
            image_url: url,
            alt_text: truncate(reply.title, IMAGE_TEXT_MAX),
            title: plain(reply.title, IMAGE_TEXT_MAX),
          },
        ];
      if (reply.png) uploads.push({ filename: `${fileSlug(reply.title)}.png`, title: reply.title, bytes: reply.png });
      return textSections(reply.title);
    }
    case "file": {
      const url = reachableUrl(reply.url, options.publicUrl);
      if (url)
        return [
          {
            type: "section",
            text: { type: "mrkdwn", text: `📎 <${url}|${escapeMrkdwn(reply.title).replace(/\|/g, "/")}>` },
          },
        ];
      if (reply.bytes) {
        uploads.push({ filename: reply.filename, title: reply.title, bytes: reply.bytes });
        return [];
      }
      return textSections(`${reply.title} (${reply.filename})`);
    }
  }
}

/** Buttons in rows of 25; each row's block id names the reply so a click can be traced to it. */
function buttonRows(choices: Choice[], actionBase: string, replyIndex: number): Block[] {
  const rows: Block[] = [];
  for (let start = 0; start < choices.length; start += BUTTONS_PER_ACTIONS) {
    rows.push({
      type: "actions",
      block_id: `fm_actions_${replyIndex}_${start}`,
      elements: choices.slice(start, start + BUTTONS_PER_ACTIONS).map((choice, offset) => {
        const style = buttonStyle(choice);
        return {
          type: "button" as const,
          action_id: `${actionBase}_${start + offset}`,
          text: plain(choice.label, BUTTON_TEXT_MAX),
          value: choice.value.slice(0, BUTTON_VALUE_MAX),
          ...(style ? { style } : {}),
        };
      }),
    });
  }
  return rows;
}

function buttonStyle(choice: Choice): "danger" | "primary" | undefined {
  const v = `${choice.value} ${choice.label}`;
  if (/撤销|删除|\bundo\b|\bdelete\b/i.test(v)) return "danger";
  if (/^(确认|对|是|ok|yes|confirm)\b/i.test(choice.value)) return "primary";
  return undefined;
}

/** Long text in sections of at most 3,000 characters, cut at line breaks where possible. */
function textSections(text: string): Block[] {
  const escaped = escapeMrkdwn(text.trim() === "" ? " " : text);
  return splitText(escaped, SECTION_TEXT_MAX).map((part) => ({
    type: "section",
    text: { type: "mrkdwn", text: part },
  }));
}

/** Splits at line breaks (then spaces, then anywhere) into pieces no longer than `max`. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.length || !parts.length) parts.push(rest);
  return parts;
}

/** Slack treats &, < and > as control characters in mrkdwn. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function plain(text: string, max: number): { type: "plain_text"; text: string; emoji: true } {
  return { type: "plain_text", text: truncate(text.trim() || "—", max), emoji: true };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The original message's blocks with the clicked row of buttons replaced by a note of the answer,
 * so a choice cannot be clicked twice and the thread shows what was picked.
 */
export function markAnswered(blocks: Block[], blockId: string, label: string): Block[] {
  return blocks.map((block) =>
    block.type === "actions" && block.block_id === blockId
      ? { type: "context", block_id: blockId, elements: [{ type: "mrkdwn", text: `➡️ *${escapeMrkdwn(label)}*` }] }
      : block,
  );
}
