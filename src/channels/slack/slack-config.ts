/** Slack's environment variables and the transport they choose. */
import { z } from "zod";
import { optionalText, unsetIfEmpty } from "../../config/variables.js";
import type { PacingLimits } from "../pacer.js";

/** Slack documents "several hundred" messages a minute per workspace; this stays well inside. */
export const DEFAULT_MESSAGES_PER_MINUTE = 300;

export const slackVariables = z.object({
  /** Bot token (xoxb-…). */
  SLACK_BOT_TOKEN: optionalText,
  /** HTTP events at SLACK_EVENTS_PATH are signed with it. */
  SLACK_SIGNING_SECRET: optionalText,
  /** App-level token (xapp-…): Socket Mode. */
  SLACK_APP_TOKEN: optionalText,
  /** The Web API's base URL: a proxy, or a local fake in tests. */
  SLACK_API_URL: optionalText,
  /** Messages a minute the app posts to the whole workspace (beside one a second per conversation). */
  SLACK_MESSAGES_PER_MINUTE: unsetIfEmpty(
    z.coerce.number().int().min(1).max(60_000).default(DEFAULT_MESSAGES_PER_MINUTE),
  ),
});

export type SlackConfig = z.output<typeof slackVariables>;

export type SlackTransport = "socket" | "http";

/** A few messages may go back to back from the workspace before its per-minute rate applies. */
const WORKSPACE_BURST = 3;

/**
 * chat.postMessage's limits as pacing: one message a second per conversation (a person's DM),
 * SLACK_MESSAGES_PER_MINUTE for the workspace.
 */
export function slackPacing(config: Pick<SlackConfig, "SLACK_MESSAGES_PER_MINUTE">): PacingLimits {
  return { perRecipientMs: 1_000, perAccountMs: 60_000 / config.SLACK_MESSAGES_PER_MINUTE, burst: WORKSPACE_BURST };
}

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
