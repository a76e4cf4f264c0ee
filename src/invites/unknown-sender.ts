/**
 * What the core does with a message from someone it cannot place (`createBot({ onUnknownSender })`):
 * an account linked to a deactivated person is told so, politely, in their language; an invite code
 * is redeemed; anything else gets the core's usual "not linked yet" answer.
 */
import type { InboundMessage, Reply } from "../domain/messages.js";
import { messagesFor } from "../locales/index.js";
import type { Logger } from "../log.js";
import type { Db } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";
import { inviteRedeemer } from "./invite.js";

export function unknownSenderHook(db: Db, logger?: Logger): (message: InboundMessage) => Promise<Reply[] | null> {
  const roster = new RosterStore(db);
  const redeem = inviteRedeemer(db, logger);
  return async (message) => {
    const former = await roster.deactivatedByIdentity(message.channel, message.externalUserId);
    if (former) {
      logger?.info({ channel: message.channel, person: former.id }, "message from a deactivated person refused");
      return [{ kind: "text", text: messagesFor(former.lang).channels.deactivated }];
    }
    return redeem(message);
  };
}
