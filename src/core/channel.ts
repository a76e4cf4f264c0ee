/**
 * The outbound side of a channel: how the core and the outbox deliverer send to a person
 * on a platform without knowing the platform.
 */
import type { ChannelName, Reply } from "../domain/messages.js";

export interface OutboundChannel {
  readonly name: ChannelName;
  /**
   * Sends replies to a linked identity (Slack user id, WeChat contact id, person id on the web).
   * Throws RateLimitedError when the platform asks to slow down; any other error is a failed send.
   */
  send(externalUserId: string, replies: Reply[]): Promise<void>;
}

/** The platform said "too many requests": try again after `retryAfterMs`. */
export class RateLimitedError extends Error {
  readonly code = "RATE_LIMITED";
  constructor(
    readonly retryAfterMs: number,
    message = `rate limited; retry after ${retryAfterMs} ms`,
  ) {
    super(message);
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
}
