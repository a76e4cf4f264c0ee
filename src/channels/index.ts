/**
 * The channels Fieldmate can run, in one list. Adding a channel is one folder under src/channels/
 * exporting a ChannelPlugin, and one entry here: its variables join the configuration, it starts
 * when they are set, `cli link --channel` accepts its name, and handlers see what it can show.
 */
import type { ChannelName } from "../domain/messages.js";
import type { AnyChannelPlugin, PluginCapabilities } from "./channel-plugin.js";
import { slack } from "./slack/index.js";
import { web } from "./web/index.js";
import { wechat } from "./wechat/index.js";
import { wecom } from "./wecom/index.js";

export const CHANNELS = [web, slack, wechat, wecom] as const;

export type { AnyChannelPlugin } from "./channel-plugin.js";
export { type RunningChannels, startChannels } from "./start-channels.js";

/** For a channel not in the list: plain text, as long as it likes. */
const TEXT_ONLY: PluginCapabilities = {
  images: false,
  files: false,
  buttons: false,
  maxTextLength: Number.POSITIVE_INFINITY,
};

/** What a channel can show, for createBot's `capabilities`; an unknown channel gets plain text. */
export function channelCapabilities(
  name: ChannelName,
  channels: readonly AnyChannelPlugin[] = CHANNELS,
): PluginCapabilities {
  return channels.find((c) => c.name === name)?.capabilities ?? TEXT_ONLY;
}

/** The channel names `cli link --channel` accepts. */
export function channelNames(channels: readonly AnyChannelPlugin[] = CHANNELS): ChannelName[] {
  return channels.map((c) => c.name);
}
