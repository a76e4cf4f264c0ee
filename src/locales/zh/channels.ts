import type { ChannelMessages } from "../messages/channels.js";

export const channels: ChannelMessages = {};
