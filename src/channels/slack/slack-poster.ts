/**
 * Sending rendered replies to Slack: into a conversation (a DM or a channel thread), to a user's DM
 * (chat.postMessage takes the user's id as the channel and posts into the bot's DM with them, so a
 * push costs one call; files need the DM's own id, from conversations.open, remembered), or through
 * a slash command's response_url.
 * A 429 becomes the core's RateLimitedError with Slack's Retry-After, for the outbox to honour.
 */
import { type RespondFn, webApi } from "@slack/bolt";
import type { Reply } from "../../domain/messages.js";
import type { Messages } from "../../locales/index.js";
import type { Logger } from "../../log.js";
import { RateLimitedError } from "../outbound.js";
import { renderReplies, type SlackUpload } from "./block-kit.js";

export type SlackTarget =
  | { kind: "conversation"; channel: string; threadTs?: string }
  /** A direct message to the user (their DM with the bot). */
  | { kind: "user"; userId: string }
  /** Where Slack offers a response_url (slash commands, ephemeral messages): visible to the user only. */
  | { kind: "respond"; respond: RespondFn; userId: string };

/** Slack asks for Retry-After seconds; when it gives none (an `ok:false, ratelimited` answer), wait this long. */
const DEFAULT_RETRY_AFTER_MS = 30_000;
/** Someone waiting for an answer gets it this much later at most; a longer rate limit fails the reply. */
const LONGEST_REPLY_WAIT_MS = 10_000;

export class SlackPoster {
  private readonly dms = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly options: { publicUrl: string | null; logger: Logger },
  ) {}

  /** Posts replies, their fallback text in `t`'s language; throws RateLimitedError on 429 (the caller decides about retrying). */
  async post(target: SlackTarget, replies: Reply[], t: Messages): Promise<void> {
    if (!replies.length) return;
    const { messages, uploads } = renderReplies(replies, { t, publicUrl: this.options.publicUrl });
    await rateLimitAware(async () => {
      if (target.kind === "respond") {
        for (const message of messages) {
          await target.respond({
            response_type: "ephemeral",
            replace_original: false,
            text: message.text,
            blocks: message.blocks,
          });
        }
        return;
      }
      // A user id as the channel posts into the bot's DM with them: no conversations.open first.
      const { channel, threadTs } = target.kind === "user" ? { channel: target.userId, threadTs: undefined } : target;
      for (const message of messages) {
        await this.client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          // Slack's unfurler would open a one-time sign-in link and use it up; our links need no preview.
          unfurl_links: false,
          unfurl_media: false,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
      }
    });
    if (uploads.length) {
      const channel = target.kind === "conversation" ? target.channel : await this.dmChannel(target.userId);
      const threadTs = target.kind === "conversation" ? target.threadTs : undefined;
      for (const upload of uploads) await rateLimitAware(() => this.upload(channel, threadTs, upload));
    }
  }

  /** The DM channel's id with a user, for uploads (conversations.open is idempotent; the answer is cached). */
  private async dmChannel(userId: string): Promise<string> {
    const known = this.dms.get(userId);
    if (known) return known;
    const opened = await rateLimitAware(() => this.client.conversations.open({ users: userId }));
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`conversations.open gave no channel for ${userId}`);
    this.dms.set(userId, channel);
    return channel;
  }

  private async upload(channel: string, threadTs: string | undefined, upload: SlackUpload): Promise<void> {
    const args = {
      channel_id: channel,
      file: Buffer.from(upload.bytes),
      filename: upload.filename,
      title: upload.title,
    };
    // The argument types tie thread_ts to a channel union that a plain object does not narrow to.
    await this.client.filesUploadV2(
      (threadTs ? { ...args, thread_ts: threadTs } : args) as webApi.FilesUploadV2Arguments,
    );
  }
}

/** Runs a Web API call, turning Slack's rate limiting into RateLimitedError. */
async function rateLimitAware<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asRateLimited(error) ?? error;
  }
}

function asRateLimited(error: unknown): RateLimitedError | null {
  if (error instanceof RateLimitedError) return error;
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } } | null;
  if (e?.code === webApi.ErrorCode.RateLimitedError) {
    const seconds =
      typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : DEFAULT_RETRY_AFTER_MS / 1000;
    // chat.postMessage's limit is per conversation first: the other recipients need not wait.
    return new RateLimitedError(seconds * 1000, `Slack rate limit; retry after ${seconds} s`, "recipient");
  }
  // An `ok:false, error:"ratelimited"` answer, or a 429 from a response_url (Bolt's RespondError).
  if (e?.data?.error === "ratelimited" || e?.statusCode === 429)
    return new RateLimitedError(DEFAULT_RETRY_AFTER_MS, "Slack rate limit");
  return null;
}

/**
 * For answers to someone waiting in the chat: on a short rate limit, wait once and try again;
 * a long one is thrown (and logged by the caller) rather than holding the reply for minutes.
 */
export async function retryOnceWhenRateLimited<T>(
  call: () => Promise<T>,
  logger: Logger,
  maxWaitMs = LONGEST_REPLY_WAIT_MS,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof RateLimitedError) || error.retryAfterMs > maxWaitMs) throw error;
    logger.warn({ retryAfterMs: error.retryAfterMs }, "Slack rate limit on a reply; waiting once");
    await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
    return call();
  }
}
