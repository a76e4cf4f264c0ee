/**
 * The Slack channel: DMs, @mentions, buttons, `/fieldmate` and App Home through a Bolt app, over
 * Socket Mode (SLACK_APP_TOKEN) or HTTP events on the shared web server (SLACK_SIGNING_SECRET).
 */
import type { ChannelPlugin } from "../channel-plugin.js";
import { SECTION_TEXT_MAX } from "./block-kit.js";
import {
  DEFAULT_MESSAGES_PER_MINUTE,
  SLACK_EVENTS_PATH,
  slackPacing,
  slackTransport,
  slackVariables,
} from "./slack-config.js";

export const slack: ChannelPlugin<typeof slackVariables.shape> = {
  name: "slack",
  config: slackVariables,
  secrets: ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"],
  checkConfig(config, problem) {
    if (config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
      problem("SLACK_SIGNING_SECRET", "is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)");
    }
  },
  enabled: (config) => slackTransport(config) !== null,
  paths: (config) => (slackTransport(config) === "http" ? [SLACK_EVENTS_PATH] : []),
  addressing: "linked",
  capabilities: { images: true, files: true, buttons: true, maxTextLength: SECTION_TEXT_MAX },
  pacing: slackPacing({ SLACK_MESSAGES_PER_MINUTE: DEFAULT_MESSAGES_PER_MINUTE }),
  pacingFor: slackPacing,
  async start(deps) {
    const { startSlack } = await import("./start-slack.js");
    return startSlack(deps);
  },
};
