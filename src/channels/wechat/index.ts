/**
 * The WeChat channel: a Wechaty bot on the configured puppet (WECHATY_PUPPET), answering direct
 * messages and group messages that @mention it, in plain text with numbered choices.
 */
import { z } from "zod";
import { optionalText } from "../../config/variables.js";
import type { ChannelPlugin } from "../channel-plugin.js";
import type { PuppetInstance } from "./start-wechat.js";
import { MAX_WECHAT_TEXT } from "./wechat-text.js";

const wechatVariables = z.object({
  /** The puppet module, e.g. wechaty-puppet-wechat4u (web protocol) or wechaty-puppet-service. */
  WECHATY_PUPPET: optionalText,
  /** Token for wechaty-puppet-service. */
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
});

export type WechatConfig = z.output<typeof wechatVariables>;

export interface WechatOptions {
  /** A ready puppet instead of WECHATY_PUPPET's module (tests: wechaty-puppet-mock); turns the channel on. */
  puppet?: PuppetInstance;
  /** Where the login QR code is drawn (default: the terminal). */
  printQr?: (qrcode: string) => void;
}

/** The WeChat plugin; `wechat` below is the one the app lists, tests make their own with a mock puppet. */
export function wechatChannel(options: WechatOptions = {}): ChannelPlugin<typeof wechatVariables.shape> {
  return {
    name: "wechat",
    config: wechatVariables,
    secrets: ["WECHATY_PUPPET_SERVICE_TOKEN"],
    enabled: (config) => Boolean(config.WECHATY_PUPPET || options.puppet),
    addressing: "linked",
    capabilities: { images: false, files: false, buttons: false, maxTextLength: MAX_WECHAT_TEXT },
    // Personal accounts get flagged, then blocked, when they send in bursts: a reply of up to three
    // messages goes at once, and after that one message every three seconds, pushes included.
    pacing: { perAccountMs: 3_000, burst: 3 },
    async start(deps) {
      const { startWechat } = await import("./start-wechat.js");
      return startWechat({ ...deps, ...options });
    },
  };
}

export const wechat = wechatChannel();
