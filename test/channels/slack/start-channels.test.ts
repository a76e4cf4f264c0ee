/** Channel selection at start: each configured channel on its own; a failure is logged and the rest run. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { startChannels, type RunningChannels } from "../../../src/channels/start-channels.js";
import { parseConfig } from "../../../src/config/config.js";
import { ChannelRegistry } from "../../../src/core/channel.js";
import type { Bot } from "../../../src/core/bot.js";
import { createLogger } from "../../../src/log.js";
import type { RosterStore } from "../../../src/store/roster-store.js";
import { startFakeSlackApi, type FakeSlackApi } from "./fake-slack-api.js";
import { SIGNING_SECRET } from "./signed-requests.js";

const bot: Bot = { handle: async () => [], extend: () => undefined };
const roster = { personByIdentity: async () => null, people: async () => [] } as unknown as RosterStore;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function capturedLogger() {
  const lines: { level: number; msg: string; channel?: string }[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => void (lines.push(JSON.parse(String(chunk))), done()) });
  return { logger: createLogger("info", stream), lines };
}

/** Serves `routes` the way the web server's extraRoutes does. */
async function serve(channels: RunningChannels): Promise<string> {
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
      config: parseConfig({ SLACK_BOT_TOKEN: "xoxb-revoked", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl }),
      bot,
      roster,
      logger,
      registry,
      wechatPuppet: new PuppetMock({ mocker: new mock.Mocker() }),
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

  it("starts nothing without channel variables: the web chat runs alone", async () => {
    const { logger, lines } = capturedLogger();
    const registry = new ChannelRegistry();
    const channels = startChannels({ config: parseConfig({}), bot, roster, logger, registry });
    await channels.ready;
    expect(registry.names()).toEqual([]);
    expect(lines.map((l) => l.msg)).toContain("no Slack or WeChat configured; the web chat runs alone");
    const url = await serve(channels);
    expect((await fetch(`${url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(404);
    await channels.stop();
  });

  it("registers Slack's OutboundChannel and serves its events when Slack starts", async () => {
    const fake = await startFakeSlackApi();
    cleanups.push(() => fake.close());
    const registry = new ChannelRegistry();
    const channels = startChannels({
      config: parseConfig({ SLACK_BOT_TOKEN: "xoxb-ok", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl }),
      bot,
      roster,
      logger: createLogger("silent"),
      registry,
    });
    cleanups.push(() => channels.stop());
    await channels.ready;
    expect(registry.names()).toEqual(["slack"]);
    const url = await serve(channels);
    // Unsigned: refused by Slack's receiver, which proves the route is now Slack's.
    expect((await fetch(`${url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(401);
  });
});
