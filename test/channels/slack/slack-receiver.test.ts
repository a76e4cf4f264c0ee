/** The receiver alone, with a stand-in app: the ack deadline and failures before the ack. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { App, ReceiverEvent } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { markStored, SlackHttpReceiver } from "../../../src/channels/slack/slack-receiver.js";
import { createLogger } from "../../../src/log.js";
import { eventBody, postToSlackEndpoint, SIGNING_SECRET } from "./signed-requests.js";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

async function serve(processEvent: (event: ReceiverEvent) => Promise<void>, ackTimeoutMs = 100) {
  const receiver = new SlackHttpReceiver({
    signingSecret: SIGNING_SECRET,
    logger: createLogger("silent"),
    ackTimeoutMs,
  });
  receiver.init({ processEvent } as unknown as App);
  const server = http.createServer(async (req, res) => {
    if (!(await receiver.route(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { receiver, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

const event = eventBody("Ev1", {
  type: "message",
  channel_type: "im",
  channel: "D1",
  user: "U1",
  text: "hi",
  ts: "1.1",
});

describe("the Slack HTTP receiver", () => {
  it("answers 200 by the deadline even when no listener acknowledges, and the listener still finishes", async () => {
    let finished = false;
    const { receiver, url } = await serve(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      finished = true;
    });
    const response = await postToSlackEndpoint(url, event);
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(350);
    expect(finished).toBe(false);
    await receiver.stop();
    expect(finished).toBe(true);
  });

  it("passes Slack's retry headers on to the app and sends the ack's body", async () => {
    const seen: ReceiverEvent[] = [];
    const { url } = await serve(async (e) => {
      seen.push(e);
      await e.ack({ text: "ok" });
      await expect(e.ack()).rejects.toThrow();
    });
    const response = await postToSlackEndpoint(url, {
      ...event,
      headers: { "X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout" },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ text: "ok" });
    expect(seen[0]).toMatchObject({ retryNum: 2, retryReason: "http_timeout", body: { event_id: "Ev1" } });
  });

  it("acknowledges a message event once the listener has stored it, not when Bolt acks, and goes on handling", async () => {
    const steps: string[] = [];
    let handled!: () => void;
    const done = new Promise<void>((resolve) => (handled = resolve));
    const { receiver, url } = await serve(async (e) => {
      await e.ack(); // Bolt acknowledges events before any listener runs
      steps.push("bolt acked");
      // Storing takes a while: an answer sent at Bolt's ack would reach the client meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 200));
      steps.push("stored");
      markStored(e.body);
      await done;
      steps.push("handled");
    }, 5_000);
    const response = await postToSlackEndpoint(url, event);
    steps.push("Slack answered");
    expect(response.status).toBe(200);
    handled();
    await receiver.stop();
    expect(steps).toEqual(["bolt acked", "stored", "Slack answered", "handled"]);
  });

  it("answers 500 when the app fails before acknowledging, so Slack retries", async () => {
    const { url } = await serve(async () => {
      throw new Error("boom");
    });
    expect((await postToSlackEndpoint(url, event)).status).toBe(500);
  });

  it("refuses other methods and malformed bodies, and leaves other paths alone", async () => {
    const { url } = await serve(async (e) => e.ack());
    expect((await fetch(url)).status).toBe(405);
    expect((await postToSlackEndpoint(url, { contentType: "application/json", body: "{not json" })).status).toBe(400);
    expect((await fetch(url.replace("/slack/events", "/other"))).status).toBe(404);
  });
});
