/** Requests as Slack sends them: v0-signed with the signing secret, as JSON (events) or forms (commands, interactions). */
import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret-8f2c1e";

export interface SlackPost {
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
  headers?: Record<string, string>;
  /** Seconds; default now. */
  timestamp?: number;
  /** Sign with this secret instead (a forged request). */
  secret?: string;
}

function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export async function postToSlackEndpoint(
  url: string,
  post: SlackPost,
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  const started = Date.now();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": post.contentType,
      "X-Slack-Request-Timestamp": String(timestamp),
      "X-Slack-Signature": sign(post.body, timestamp, post.secret),
      ...post.headers,
    },
    body: post.body,
  });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

export function eventBody(eventId: string, event: Record<string, unknown>): SlackPost {
  return {
    contentType: "application/json",
    body: JSON.stringify({
      token: "deprecated-verification-token",
      team_id: "T0TEST",
      api_app_id: "A0TEST",
      event: { event_ts: event.ts ?? "1764000000.000100", ...event },
      type: "event_callback",
      event_id: eventId,
      event_time: 1764000000,
      authorizations: [{ team_id: "T0TEST", user_id: "UBOT", is_bot: true }],
    }),
  };
}

export function formBody(fields: Record<string, string>): SlackPost {
  return { contentType: "application/x-www-form-urlencoded", body: new URLSearchParams(fields).toString() };
}

export function interactionBody(payload: Record<string, unknown>): SlackPost {
  return formBody({ payload: JSON.stringify(payload) });
}
