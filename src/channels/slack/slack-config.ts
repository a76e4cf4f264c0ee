/** Slack's environment variables and the transport they choose. */
import { z } from "zod";
import { optionalText } from "../../config/variables.js";

export const slackVariables = z.object({
  /** Bot token (xoxb-…). */
  SLACK_BOT_TOKEN: optionalText,
  /** HTTP events at SLACK_EVENTS_PATH are signed with it. */
  SLACK_SIGNING_SECRET: optionalText,
  /** App-level token (xapp-…): Socket Mode. */
  SLACK_APP_TOKEN: optionalText,
  /** The Web API's base URL: a proxy, or a local fake in tests. */
  SLACK_API_URL: optionalText,
});

export type SlackConfig = z.output<typeof slackVariables>;

export type SlackTransport = "socket" | "http";

/** Where Slack's Events API, slash commands and interactions arrive in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Which transport the configuration asks for; null when Slack is not configured. */
export function slackTransport(
  config: Pick<SlackConfig, "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN" | "SLACK_SIGNING_SECRET">,
): SlackTransport | null {
  if (!config.SLACK_BOT_TOKEN) return null;
  if (config.SLACK_APP_TOKEN) return "socket";
  if (config.SLACK_SIGNING_SECRET) return "http";
  return null;
}
