/**
 * Reports as the two kinds of client send them: the web chat (POST /api/messages, acknowledged by
 * the answer) and Slack's Events API (a signed event, acknowledged by a 200), each naming its message
 * so a retry after a refused or cut request is recognised.
 */
import { eventBody, postToSlackEndpoint, SIGNING_SECRET } from "../../test/channels/slack/signed-requests.js";
import { demoShops, postJson, slackUser } from "./harness.js";

export type Channel = "web" | "slack";

export interface Report {
  index: number;
  manager: string;
  text: string;
  /** The web client's messageId, or Slack's message ts. */
  messageId: string;
  /** Deliveries so far (a Slack retry carries X-Slack-Retry-Num). */
  attempts: number;
}

/** `count` reports spread over the demo managers' shops; each says it is another visit, so each is its own record. */
export function reports(count: number, runId: string): Report[] {
  const shops = demoShops();
  const managers = [...shops.keys()];
  return Array.from({ length: count }, (_, index) => {
    const manager = managers[index % managers.length] as string;
    // Names with a branch in brackets (好邻居超市(莲花路店)) may be asked about: a question, not a record.
    const mine = (shops.get(manager) ?? []).filter((name) => !/[(（]/.test(name));
    const shop = mine[Math.floor(index / managers.length) % mine.length];
    return {
      index,
      manager,
      text: `今天又去了${shop},软中华断货了,帮老板理了柜台`,
      messageId: `${runId}-${index}`,
      attempts: 0,
    };
  });
}

/** Slack's message ts for a report: unique per report, the same on every retry. */
export const slackTs = (r: Report) => `1764000000.${String(r.index).padStart(6, "0")}`;

/** The inbound row's key for a report on a channel. */
export function inboundKey(channel: Channel, r: Report) {
  return channel === "web"
    ? { channel: "web", externalUserId: r.manager, externalMessageId: r.messageId }
    : { channel: "slack", externalUserId: slackUser(r.manager), externalMessageId: `msg:D${r.manager}:${slackTs(r)}` };
}

export function slackEvent(r: Report) {
  return eventBody(`Ev${r.messageId}`, {
    type: "message",
    channel_type: "im",
    channel: `D${r.manager}`,
    user: slackUser(r.manager),
    text: r.text,
    ts: slackTs(r),
  });
}

/** Sends a report once; true when the server acknowledged it. */
export async function deliver(url: string, channel: Channel, r: Report): Promise<boolean> {
  const attempt = r.attempts++;
  if (channel === "web") {
    const answer = await postJson(`${url}/api/messages`, { from: r.manager, text: r.text, messageId: r.messageId });
    return answer.status === 200;
  }
  const post = slackEvent(r);
  try {
    const answer = await postToSlackEndpoint(`${url}/slack/events`, {
      ...post,
      headers: attempt > 0 ? { "X-Slack-Retry-Num": String(attempt), "X-Slack-Retry-Reason": "http_timeout" } : {},
    });
    return answer.status === 200;
  } catch {
    return false;
  }
}

export const SLACK_ENV = (apiUrl: string) => ({
  DEMO_MODE: "false",
  SLACK_BOT_TOKEN: "xoxb-chaos",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: apiUrl,
});
