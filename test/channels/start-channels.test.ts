/** Channel selection at start: each enabled channel on its own; a failure is logged and the rest run. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { CHANNELS, type RunningChannels, startChannels } from "../../src/channels/index.js";
import { ChannelRegistry } from "../../src/channels/outbound.js";
import { slack } from "../../src/channels/slack/index.js";
import { LiveFeed } from "../../src/channels/web/live-feed.js";
import { wechatChannel } from "../../src/channels/wechat/index.js";
import { parseConfig } from "../../src/config/config.js";
import type { Bot } from "../../src/core/bot.js";
import { createLogger } from "../../src/log.js";
import type { RosterStore } from "../../src/store/roster-store.js";
import { type FakeSlackApi, startFakeSlackApi } from "./slack/fake-slack-api.js";
import { SIGNING_SECRET } from "./slack/signed-requests.js";

const bot: Bot = { handle: async () => [] };
const roster = { personByIdentity: async () => null, people: async () => [] } as unknown as RosterStore;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function capturedLogger() {
  const lines: { level: number; msg: string; channel?: string }[] = [];
  const stream = new Writable({
    write: (chunk, _enc, done) => {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger("info", stream), lines };
}

/** Serves `routes` the way the web server's extraRoutes does. */
async function serve(channels: Pick<RunningChannels, "routes">): Promise<string> {
  const server = http.createServer(async (req, res) => {
    if (!(await channels.routes(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("startChannels", () => {
  it("keeps WeChat running when Slack fails to start, and says why Slack failed", async () => {
    const fake: FakeSlackApi = await startFakeSlackApi();
    cleanups.push(() => fake.close());
    fake.failNext("auth.test", { status: 200, body: { ok: false, error: "invalid_auth" } });
    const { logger, lines } = capturedLogger();
    const registry = new ChannelRegistry();
    const channels = startChannels({
      channels: [
        slack,
        wechatChannel({ puppet: new PuppetMock({ mocker: new mock.Mocker() }), printQr: () => undefined }),
      ],
      config: parseConfig({
        SLACK_BOT_TOKEN: "xoxb-revoked",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      }),
      bot,
      roster,
      logger,
      registry,
      liveFeed: new LiveFeed(),
    });
    cleanups.push(() => channels.stop());
    await channels.ready;

    expect(registry.names()).toEqual(["wechat"]);
    expect(channels.started()).toEqual(["wechat"]);
    const failure = lines.find((l) => l.channel === "slack" && l.level >= 50);
    expect(failure?.msg).toMatch(/slack channel failed to start.*invalid_auth/);

    // Slack's retries meet a 503 rather than a 404 while Slack is down; other paths are left alone.
    const url = await serve(channels);
    expect((await fetch(`${url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(503);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });

  it("starts only the web chat without channel variables", async () => {
    const { logger, lines } = capturedLogger();
    const registry = new ChannelRegistry();
    const channels = startChannels({
      channels: CHANNELS,
      config: parseConfig({}),
      bot,
      roster,
      logger,
      registry,
      liveFeed: new LiveFeed(),
    });
    await channels.ready;
    expect(registry.names()).toEqual(["web"]);
    expect(registry.get("web")?.addressing).toBe("person");
    expect(lines.map((l) => l.msg)).toContain("channels configured: web");
    const url = await serve(channels);
    expect((await fetch(`${url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(404);
    await channels.stop();
  });

  it("registers Slack and serves its events when Slack starts", async () => {
    const fake = await startFakeSlackApi();
    cleanups.push(() => fake.close());
    const registry = new ChannelRegistry();
    const channels = startChannels({
      channels: CHANNELS,
      config: parseConfig({
        SLACK_BOT_TOKEN: "xoxb-ok",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      }),
      bot,
      roster,
      logger: createLogger("silent"),
      registry,
      liveFeed: new LiveFeed(),
    });
    cleanups.push(() => channels.stop());
    await channels.ready;
    expect(registry.names().sort()).toEqual(["slack", "web"]);
    const url = await serve(channels);
    // Unsigned: refused by Slack's receiver, which proves the route is now Slack's.
    expect((await fetch(`${url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(401);
  });

  it("sends a web push to the person's open pages", async () => {
    const liveFeed = new LiveFeed();
    const registry = new ChannelRegistry();
    const channels = startChannels({
      channels: CHANNELS,
      config: parseConfig({}),
      bot,
      roster,
      logger: createLogger("silent"),
      registry,
      liveFeed,
    });
    cleanups.push(() => channels.stop());
    await channels.ready;
    const seen: string[] = [];
    liveFeed.subscribe("M01", (replies) => seen.push(...replies.map((r) => (r.kind === "text" ? r.text : r.kind))));
    await registry.get("web")?.send("M01", [{ kind: "text", text: "早上好" }]);
    expect(seen).toEqual(["早上好"]);
  });
});
