/**
 * The channel-neutral core: one `handle(message)` for every channel.
 * Order matters: find the sender, store the raw message, drop platform retries, then answer.
 */
import type { Person } from "../domain/roster.js";
import type { Logger } from "../log.js";
import type { Inbox } from "../store/inbox.js";
import type { RosterStore } from "../store/roster-store.js";
import { helpText, UNKNOWN_SENDER_TEXT } from "./help.js";
import type { InboundMessage, Reply } from "./messages.js";

export interface BotDeps {
  roster: RosterStore;
  inbox: Inbox;
  logger: Logger;
}

export interface Bot {
  handle(message: InboundMessage): Promise<Reply[]>;
}

export function createBot(deps: BotDeps): Bot {
  const { roster, inbox, logger } = deps;

  async function identify(message: InboundMessage): Promise<Person | null> {
    // The web chat has already authenticated the page and speaks in person ids.
    if (message.channel === "web") return roster.person(message.externalUserId);
    return roster.personByIdentity(message.channel, message.externalUserId);
  }

  return {
    async handle(message) {
      const person = await identify(message);
      const recorded = await inbox.record(message, person?.id ?? null);
      const log = logger.child({ inbound: recorded.id, channel: message.channel, person: person?.id ?? null });
      if (recorded.duplicate) {
        log.info({ status: recorded.status }, "platform retry recognised; not handled again");
        return [];
      }
      if (!person) {
        await inbox.finish(recorded.id, "refused");
        log.info("message from an unlinked sender refused");
        return [{ kind: "text", text: UNKNOWN_SENDER_TEXT }];
      }
      try {
        const replies: Reply[] = [{ kind: "text", text: helpText(person.lang, person.role) }];
        await inbox.finish(recorded.id, "handled", { intent: "help" });
        return replies;
      } catch (error) {
        log.error({ err: error }, "message handling failed");
        await inbox.finish(recorded.id, "failed", { error: String(error) }).catch(() => undefined);
        throw error;
      }
    },
  };
}
