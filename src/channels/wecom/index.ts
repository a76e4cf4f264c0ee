/**
 * The WeCom (企业微信) channel: a self-built app (自建应用) whose callbacks arrive at
 * /wecom/callback on the shared web server and whose replies and pushes go out through WeCom's
 * message API, as text and button cards, with charts and exports as image and file messages.
 */
import type { ChannelPlugin } from "../channel-plugin.js";
import { checkWecomConfig, WECOM_CALLBACK_PATH, wecomEnabled, wecomVariables } from "./wecom-config.js";
import { WECOM_TEXT_MAX_CHARS } from "./wecom-messages.js";

export const wecom: ChannelPlugin<typeof wecomVariables.shape> = {
  name: "wecom",
  config: wecomVariables,
  secrets: ["WECOM_SECRET", "WECOM_TOKEN", "WECOM_ENCODING_AES_KEY"],
  checkConfig: checkWecomConfig,
  enabled: wecomEnabled,
  paths: () => [WECOM_CALLBACK_PATH],
  addressing: "linked",
  capabilities: { images: true, files: true, buttons: true, maxTextLength: WECOM_TEXT_MAX_CHARS },
  // WeCom allows an app 30 messages a minute to one member and about 40 calls a second for the
  // company (150,000 an hour): bursts of a reply go at once, and a 45009 answer holds the pacer.
  pacing: { perAccountMs: 25, burst: 20 },
  async start(deps) {
    const { startWecom } = await import("./start-wecom.js");
    return startWecom(deps);
  },
};
