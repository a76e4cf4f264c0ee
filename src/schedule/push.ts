/**
 * The push the deliverer uses in the running app: to every chat identity the person has linked on
 * a running channel (each channel paces its own sends), and always to the channels that address
 * people by person id (the web chat's open pages); never to a deactivated person. Delivered when at least one linked platform took
 * it, or when the person has none running here (their pages show it).
 */

import { type ChannelRegistry, type OutboundChannel, RateLimitedError } from "../channels/outbound.js";
import type { ChannelName } from "../domain/messages.js";
import type { Logger } from "../log.js";
import type { RosterStore } from "../store/roster-store.js";
import type { PushFn } from "./deliverer.js";

export class PushFailedError extends Error {
  readonly code = "PUSH_FAILED";
}

interface PushDeps {
  /** Whether the person is active, and where their linked identities are. */
  roster: Pick<RosterStore, "person" | "identitiesOf">;
  /** The running channels (startChannels registers them). */
  channels: ChannelRegistry;
  logger: Logger;
}

export function createPush({ roster, channels, logger }: PushDeps): PushFn {
  return async (personId, replies) => {
    // A deactivated person gets nothing, not even what was queued before they left (counted as done).
    if (!(await roster.person(personId))) {
      logger.info({ person: personId }, "push to a deactivated or unknown person dropped");
      return;
    }
    // Open pages are a mirror: a failure there is logged, never a reason to send again.
    for (const channel of channels.all().filter((c) => c.addressing === "person")) {
      await channel
        .send(personId, replies)
        .catch((error: unknown) =>
          logger.warn({ err: error, person: personId, channel: channel.name }, "push to open pages failed"),
        );
    }
    // An identity whose channel is not running here cannot be reached: like having none.
    const reachable = (await roster.identitiesOf(personId)).flatMap(({ channel, externalId }) => {
      const running = linked(channels, channel);
      return running ? [{ channel: running, externalId }] : [];
    });
    if (reachable.length === 0) return;
    const errors: unknown[] = [];
    let delivered = 0;
    for (const { channel, externalId } of reachable) {
      try {
        await channel.send(externalId, replies);
        delivered++;
      } catch (error) {
        errors.push(error);
        logger.warn({ err: error, person: personId, channel: channel.name }, "push to a channel failed");
      }
    }
    if (delivered > 0) return;
    const limits = errors.filter((e): e is RateLimitedError => e instanceof RateLimitedError);
    if (limits.length === errors.length) {
      // Only when every channel held just this recipient may the other pushes go on.
      const scope = limits.every((e) => e.scope === "recipient") ? "recipient" : "account";
      throw new RateLimitedError(Math.min(...limits.map((e) => e.retryAfterMs)), undefined, scope);
    }
    throw new PushFailedError(errors.map((e) => (e instanceof Error ? e.message : String(e))).join("; "));
  };
}

/** The running channel of that name when it reaches people by linked identity. */
function linked(channels: ChannelRegistry, name: ChannelName): OutboundChannel | undefined {
  const channel = channels.get(name);
  return channel && (channel.addressing ?? "linked") === "linked" ? channel : undefined;
}
