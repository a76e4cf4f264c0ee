import type { HelpMessages } from "../messages/help.js";

export const help: HelpMessages = {};
