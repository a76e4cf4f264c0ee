import type { InviteMessages } from "../messages/invites.js";

export const invites: InviteMessages = {};
