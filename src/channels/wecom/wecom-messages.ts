/**
 * The core's replies as WeCom app messages (message/send): text, joined and split under WeCom's
 * 2,048-byte limit; choices and cards with actions as button cards (template_card of type
 * button_interaction: at most six buttons, each click comes back as a template_card_event with the
 * button's key); images and files as media to upload, then send. Choices beyond six buttons, and
 * cards with no actions (WeCom's notice cards need a link to open), are plain text.
 * Pure: uploading and sending are the sender's.
 */
import { randomBytes } from "node:crypto";
import { replyToPlainText } from "../../core/plain-text.js";
import type { Choice, Reply } from "../../domain/messages.js";
import type { Messages } from "../../locales/index.js";
import { fileSlug, reachableUrl } from "../file-links.js";

// WeCom's documented limits (text is cut beyond 2,048 bytes; the card's are its "建议不超过" lengths).
const TEXT_MAX_BYTES = 2048;
const CARD_TITLE_MAX = 36;
const CARD_TEXT_MAX = 160;
const BUTTONS_MAX = 6;
const BUTTON_TEXT_MAX = 10;
const BUTTON_KEY_MAX_BYTES = 1024;

/** A text of this many UTF-16 units never exceeds 2,048 bytes (three bytes a unit at most). */
export const WECOM_TEXT_MAX_CHARS = Math.floor(TEXT_MAX_BYTES / 3);

interface TemplateCard {
  card_type: "button_interaction";
  main_title: { title: string };
  sub_title_text?: string;
  task_id: string;
  button_list: { text: string; key: string }[];
}

interface MediaFile {
  filename: string;
  bytes: Uint8Array;
  contentType: string;
}

/** One message/send call (its body without touser and agentid); media are uploaded first. */
export type WecomMessage =
  | { msgtype: "text"; text: { content: string } }
  | { msgtype: "template_card"; template_card: TemplateCard }
  | { msgtype: "image" | "file"; media: MediaFile };

export interface RenderOptions {
  t: Messages;
  /** PUBLIC_URL: makes the web server's /files/ links reachable from a phone. */
  publicUrl: string | null;
}

/** The messages to send for a batch of replies, in order; consecutive texts are joined. */
export function renderReplies(replies: Reply[], options: RenderOptions): WecomMessage[] {
  const out: WecomMessage[] = [];
  let texts: string[] = [];
  const flush = () => {
    const text = texts.join("\n\n").trim();
    texts = [];
    for (const part of text ? splitText(text) : []) out.push({ msgtype: "text", text: { content: part } });
  };
  const say = (text: string) => {
    if (text.trim()) texts.push(text.trim());
  };
  for (const reply of replies) {
    switch (reply.kind) {
      case "text":
        say(reply.text);
        break;
      case "choices":
      case "card": {
        const card =
          reply.kind === "choices"
            ? buttonCard(reply.text, [], reply.choices)
            : buttonCard(
                reply.title,
                [...reply.lines.map((l) => `${l.label}${options.t.format.colon}${l.value}`), reply.footer ?? ""],
                reply.actions,
              );
        if (!card) {
          say(replyToPlainText(reply, options.t));
          break;
        }
        flush();
        say(card.before);
        flush();
        out.push({ msgtype: "template_card", template_card: card.card });
        break;
      }
      case "image":
        say(reply.title);
        if (reply.png) {
          flush();
          out.push({
            msgtype: "image",
            media: { filename: `${fileSlug(reply.title)}.png`, bytes: reply.png, contentType: "image/png" },
          });
        } else {
          const url = reachableUrl(reply.url, options.publicUrl);
          if (url) say(url);
        }
        break;
      case "file":
        say(reply.title);
        if (reply.bytes) {
          flush();
          out.push({
            msgtype: "file",
            media: { filename: reply.filename, bytes: reply.bytes, contentType: "application/octet-stream" },
          });
        } else {
          const url = reachableUrl(reply.url, options.publicUrl);
          if (url) say(url);
        }
        break;
    }
  }
  flush();
  return out;
}

/** A button's key carries the value sent back as typed, and the label shown once it is picked. */
export function buttonKey(choice: Choice): string {
  return JSON.stringify([choice.value, choice.label]);
}

/** What a clicked button's key stands for; a key that is not ours (a menu's) is taken as typed text. */
export function readButtonKey(key: string): Choice {
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [value, label] = parsed as unknown[];
      if (typeof value === "string" && typeof label === "string") return { value, label };
    }
  } catch {
    // not one of ours
  }
  return { value: key, label: key };
}

/**
 * A button card, or null when the buttons do not fit (none, more than six, a value too long for a key).
 * `before` is text to send ahead of it when the card's own text would be longer than WeCom shows.
 */
function buttonCard(
  heading: string,
  bodyLines: string[],
  choices: Choice[],
): { card: TemplateCard; before: string } | null {
  if (choices.length === 0 || choices.length > BUTTONS_MAX) return null;
  if (choices.some((c) => Buffer.byteLength(buttonKey(c)) > BUTTON_KEY_MAX_BYTES)) return null;
  const [first = "", ...rest] = heading.trim().split("\n");
  const title = first.length > CARD_TITLE_MAX ? `${first.slice(0, CARD_TITLE_MAX - 1)}…` : first;
  const body = [...(title === first ? [] : [first]), ...rest, ...bodyLines].filter((l) => l.trim() !== "");
  // Labels too long for a button: the buttons are numbered and the full labels listed above them.
  const long = choices.some((c) => [...c.label].length > BUTTON_TEXT_MAX);
  if (long) body.push(...choices.map((c, i) => `${i + 1}) ${c.label}`));
  const text = body.join("\n");
  const card: TemplateCard = {
    card_type: "button_interaction",
    main_title: { title: title || "…" },
    task_id: taskId(),
    button_list: choices.map((c, i) => ({
      text: long ? truncate(`${i + 1} ${c.label}`, BUTTON_TEXT_MAX) : c.label,
      key: buttonKey(c),
    })),
  };
  if (text.length <= CARD_TEXT_MAX) {
    if (text) card.sub_title_text = text;
    return { card, before: "" };
  }
  return { card, before: text };
}

/** Unique per app, as WeCom requires: letters, digits and _-@, at most 128 bytes. */
function taskId(): string {
  return `fm_${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`;
}

/**
 * Splits text into messages of at most `maxBytes` UTF-8 bytes: between replies (blank lines) when
 * it can, else at a line break, a full stop or a space, else hard (never inside a character).
 */
export function splitText(text: string, maxBytes = TEXT_MAX_BYTES): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (Buffer.byteLength(rest) > maxBytes) {
    const end = prefixWithin(rest, maxBytes);
    const window = rest.slice(0, end);
    // A part shorter than a third of what fits wastes a message: look for a weaker break instead.
    const shortest = end / 3;
    let cut = window.lastIndexOf("\n\n");
    if (cut < shortest) cut = window.lastIndexOf("\n");
    if (cut < shortest) cut = window.lastIndexOf("。") + 1;
    if (cut < shortest) cut = window.lastIndexOf(" ");
    if (cut < shortest) cut = end;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** The length (UTF-16 units) of the longest prefix within `maxBytes`, whole characters only. */
function prefixWithin(text: string, maxBytes: number): number {
  let bytes = 0;
  let units = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    units += char.length;
  }
  return units;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
