/**
 * Sends rendered messages to one userid through message/send, uploading images and files first
 * (media/upload), and remembers how far an unfinished push got, so a push that WeCom rate-limits
 * halfway is resumed by the outbox's retry after the last message that went out (no message twice,
 * none lost). A finished push is forgotten: the same replies pushed again later go out again.
 */
import { createHash } from "node:crypto";
import type { Reply } from "../../domain/messages.js";
import type { SharedValues } from "../channel-plugin.js";
import type { Pacer } from "../pacer.js";
import { type WecomApi, WecomApiError } from "./wecom-api.js";
import type { WecomMessage } from "./wecom-messages.js";

/** A push's progress is kept this long: well past the outbox's retries, well short of the next day's push. */
const PROGRESS_TTL_MS = 3 * 60 * 60_000;

export class WecomSender {
  constructor(
    private readonly api: WecomApi,
    private readonly agentId: number,
    private readonly pacer: Pacer,
    private readonly shared: SharedValues,
    private readonly now: () => number = Date.now,
  ) {}

  /** One message to a userid, when the pacer allows; throws RateLimitedError or WecomApiError. */
  async sendOne(userId: string, message: WecomMessage): Promise<void> {
    await this.pacer.run(userId, async () => {
      const body =
        "media" in message
          ? {
              msgtype: message.msgtype,
              [message.msgtype]: { media_id: await this.api.upload(message.msgtype, message.media) },
            }
          : message;
      const answer = await this.api.post("message/send", { touser: userId, agentid: this.agentId, ...body });
      // One recipient: WeCom either refuses the call (81013) or names them here; never silently undelivered.
      if (typeof answer.invaliduser === "string" && answer.invaliduser !== "") {
        throw new WecomApiError("message/send", 81013, `invaliduser ${answer.invaliduser}`);
      }
    });
  }

  /**
   * A push: the messages of `replies` in order, starting after the last one an earlier attempt of
   * the same push sent (kept in the shared values, so another instance's retry resumes too).
   */
  async push(userId: string, replies: Reply[], messages: WecomMessage[]): Promise<void> {
    const key = `push:${userId}:${digest(replies)}`;
    const sent = Number((await this.shared.get(key))?.value ?? 0);
    for (let i = sent; i < messages.length; i++) {
      await this.sendOne(userId, messages[i] as WecomMessage);
      const last = i === messages.length - 1;
      // The last message ends the push: its progress expires at once.
      await this.shared.put(key, String(i + 1), new Date(this.now() + (last ? 0 : PROGRESS_TTL_MS)));
    }
  }
}

/** The same replies give the same digest (bytes of images and files by their own hash). */
function digest(replies: Reply[]): string {
  const json = JSON.stringify(replies, (_key, value: unknown) =>
    value instanceof Uint8Array ? createHash("sha256").update(value).digest("hex") : value,
  );
  return createHash("sha256").update(json).digest("hex").slice(0, 32);
}
