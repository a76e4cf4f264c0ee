/**
 * The outbound side of a channel: how pushes (the outbox's deliverer) and the core's notifications
 * reach a person on a platform without knowing the platform.
 */
import type { ChannelName, Reply } from "../domain/messages.js";

/**
 * How a channel names the people it sends to: by the platform identity linked to a person
 * (`cli link`, an invite code, Slack's profile e-mail), or by person id with no link at all
 * (the web chat's open pages: everyone is reachable, nobody is guaranteed to be watching).
 */
export type Addressing = "linked" | "person";

export interface OutboundChannel {
  readonly name: ChannelName;
  /** Default "linked". */
  readonly addressing?: Addressing;
  /**
   * Sends replies to a linked identity (Slack user id, WeChat contact id) or, for a "person" channel,
   * to a person id; paced by the channel itself. Throws RateLimitedError when the platform asks to
   * slow down; any other error is a failed send.
   */
  send(externalUserId: string, replies: Reply[]): Promise<void>;
}

/**
 * The platform said "too many requests": try again after `retryAfterMs`. Its scope is what must
 * wait: the whole account (WeCom's frequency limits), or only the recipient it was sending to
 * (Slack's one message a second per conversation).
 */
export class RateLimitedError extends Error {
  readonly code = "RATE_LIMITED";
  constructor(
    readonly retryAfterMs: number,
    message = `rate limited; retry after ${retryAfterMs} ms`,
    readonly scope: "account" | "recipient" = "account",
  ) {
    super(message);
  }
}

/** A send that did not finish in time: the request may have reached the platform, or not. */
export class SendTimeoutError extends Error {
  readonly code = "SEND_TIMEOUT";
  constructor(readonly timeoutMs: number) {
    super(`no answer from the platform within ${timeoutMs} ms; outcome unknown`);
  }
}

/** `work`, or SendTimeoutError once `ms` pass (the work itself is not stopped: it may still land). */
export async function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The channels that are running, by name. */
export class ChannelRegistry {
  private readonly channels = new Map<ChannelName, OutboundChannel>();

  register(channel: OutboundChannel): void {
    this.channels.set(channel.name, channel);
  }

  get(name: ChannelName): OutboundChannel | undefined {
    return this.channels.get(name);
  }

  names(): ChannelName[] {
    return [...this.channels.keys()];
  }

  all(): OutboundChannel[] {
    return [...this.channels.values()];
  }
}
