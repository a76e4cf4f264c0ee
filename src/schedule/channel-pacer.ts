/**
 * Spaces out sends per channel: a minimum interval between messages on one platform, and a pause
 * after the platform said "too many requests". Slack allows about one message a second per
 * channel; personal WeChat accounts get flagged when they send in bursts, so they go slower.
 */
import type { ChannelName } from "../domain/messages.js";
import { RateLimitedError } from "../core/channel.js";
import { sleep, systemClock, type Clock } from "./clock.js";

export const DEFAULT_CHANNEL_INTERVALS: Record<ChannelName, number> = { slack: 1_000, wechat: 3_000, web: 0 };

export class ChannelPacer {
  private readonly nextFree = new Map<ChannelName, number>();
  private readonly queues = new Map<ChannelName, Promise<unknown>>();

  constructor(
    private readonly intervals: Partial<Record<ChannelName, number>> = DEFAULT_CHANNEL_INTERVALS,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Runs one send on a channel when its turn comes; sends on one channel never overlap. */
  run<T>(channel: ChannelName, send: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(async () => {
      const wait = (this.nextFree.get(channel) ?? 0) - this.clock.now().getTime();
      if (wait > 0) await sleep(wait);
      try {
        return await send();
      } catch (error) {
        if (error instanceof RateLimitedError) this.hold(channel, error.retryAfterMs);
        throw error;
      } finally {
        const earliest = this.clock.now().getTime() + (this.intervals[channel] ?? 0);
        this.nextFree.set(channel, Math.max(this.nextFree.get(channel) ?? 0, earliest));
      }
    });
    this.queues.set(channel, turn);
    return turn;
  }

  private hold(channel: ChannelName, ms: number): void {
    this.nextFree.set(channel, Math.max(this.nextFree.get(channel) ?? 0, this.clock.now().getTime() + ms));
  }
}
