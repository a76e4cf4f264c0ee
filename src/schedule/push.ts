/**
 * The push the deliverer uses in the running app: to every chat identity the person has linked
 * (through the running channels, paced per platform) and always to their open web chat pages.
 * Delivered when at least one platform took it, or when the person has no platform but the web chat.
 */
import type { ChannelRegistry } from "../core/channel.js";
import { RateLimitedError } from "../core/channel.js";
import type { LiveFeed } from "../core/live-feed.js";
import type { ChannelName } from "../domain/messages.js";
import type { Logger } from "../log.js";
import type { Db } from "../store/database.js";
import { ChannelPacer } from "./channel-pacer.js";
import type { PushFn } from "./deliverer.js";

export class PushFailedError extends Error {
  readonly code = "PUSH_FAILED";
}

export function createPush(deps: { db: Db; channels: ChannelRegistry; liveFeed: LiveFeed; logger: Logger; pacer?: ChannelPacer }): PushFn {
  const { db, channels, liveFeed, logger } = deps;
  const pacer = deps.pacer ?? new ChannelPacer();
  return async (personId, replies) => {
    liveFeed.publish(personId, replies);
    const identities = await db.identity.findMany({ where: { personId, channel: { not: "web" } }, orderBy: { id: "asc" } });
    // A Slack or WeChat identity whose channel is not running here cannot be reached: like web-only.
    const reachable = identities.filter((i) => channels.get(i.channel as ChannelName));
    if (reachable.length === 0) return;
    const errors: unknown[] = [];
    let delivered = 0;
    for (const identity of reachable) {
      const channel = channels.get(identity.channel as ChannelName)!;
      try {
        await pacer.run(channel.name, () => channel.send(identity.externalId, replies));
        delivered++;
      } catch (error) {
        errors.push(error);
        logger.warn({ err: error, person: personId, channel: channel.name }, "push to a channel failed");
      }
    }
    if (delivered > 0) return;
    const limits = errors.filter((e): e is RateLimitedError => e instanceof RateLimitedError);
    if (limits.length === errors.length) throw new RateLimitedError(Math.min(...limits.map((e) => e.retryAfterMs)));
    throw new PushFailedError(errors.map((e) => (e instanceof Error ? e.message : String(e))).join("; "));
  };
}
