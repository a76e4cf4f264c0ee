/**
 * `npm start` with the five WeCom variables set against the fake: WeCom runs beside the web chat on
 * the same port, and a slow core does not keep WeCom waiting for its answer.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { type App, startApp } from "../../../src/app.js";
import { channelCapabilities, channelNames } from "../../../src/channels/index.js";
import { Pacer } from "../../../src/channels/pacer.js";
import { MemorySharedValues } from "../../../src/channels/shared-values.js";
import { startWecom, type WecomChannel } from "../../../src/channels/wecom/start-wecom.js";
import { ConfigError, parseConfig, secretVariables } from "../../../src/config/config.js";
import type { Bot } from "../../../src/core/bot.js";
import { createLogger } from "../../../src/log.js";
import { importRoster } from "../../../src/roster/import-roster.js";
import { openDatabase } from "../../../src/store/database.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { TEST_ROSTER } from "../../support/fixtures.js";
import { type FakeWecomApi, startFakeWecomApi } from "./fake-wecom-api.js";
import { postCallback, sealedCallback, textXml, verificationUrl, WECOM_ENV } from "./wecom-side.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function fakeWecom(): Promise<FakeWecomApi> {
  const fake = await startFakeWecomApi();
  cleanups.push(() => fake.close());
  fake.members.add("linzhiqiang");
  return fake;
}

describe("WeCom's variables", () => {
  it("turn WeCom on all five together, are checked, and the secret ones are redacted", () => {
    expect(parseConfig(WECOM_ENV)).toMatchObject({ WECOM_AGENT_ID: "1000002", WECOM_API_URL: null });
    const { WECOM_TOKEN: _, ...four } = WECOM_ENV;
    expect(() => parseConfig(four)).toThrow(ConfigError);
    expect(() => parseConfig(four)).toThrow(/WECOM_TOKEN is required with the other WeCom variables/);
    expect(() => parseConfig({ ...WECOM_ENV, WECOM_AGENT_ID: "app-2" })).toThrow(
      /WECOM_AGENT_ID must be the app's numeric AgentId \(got "app-2"\)/,
    );
    expect(() => parseConfig({ ...WECOM_ENV, WECOM_ENCODING_AES_KEY: "short" })).toThrow(
      /WECOM_ENCODING_AES_KEY must be the 43-character/,
    );
    expect(() => parseConfig({ ...WECOM_ENV, WECOM_ENCODING_AES_KEY: "short" })).not.toThrow(/short/);
    expect(() => parseConfig({ ...WECOM_ENV, WECOM_API_URL: "qyapi.weixin.qq.com" })).toThrow(/WECOM_API_URL/);
    expect(() => parseConfig({ ...WECOM_ENV, WECOM_TOKEN: "has spaces in it" })).toThrow(/WECOM_TOKEN must be/);
    expect(secretVariables()).toEqual(
      expect.arrayContaining(["WECOM_SECRET", "WECOM_TOKEN", "WECOM_ENCODING_AES_KEY"]),
    );
    expect(secretVariables()).not.toContain("WECOM_CORP_ID");
  });

  it("make a channel `cli link --channel wecom` accepts, showing buttons, images and files", () => {
    expect(channelNames()).toContain("wecom");
    expect(channelCapabilities("wecom")).toEqual({ images: true, files: true, buttons: true, maxTextLength: 682 });
  });
});

describe("npm start with WeCom configured", () => {
  it("runs WeCom beside the web chat on one port", async () => {
    const fake = await fakeWecom();
    const scratch: ScratchDatabase = scratchSqlite();
    cleanups.push(() => scratch.drop());
    const database = await openDatabase(scratch.url);
    await importRoster(database.db, TEST_ROSTER);
    await new RosterStore(database.db).link("M01", "wecom", "linzhiqiang");
    await database.close();
    const app: App = await startApp(
      parseConfig({
        DATABASE_URL: scratch.url,
        PORT: "0",
        LOG_LEVEL: "silent",
        SCHEDULER: "false",
        DEMO_MODE: "false",
        ...WECOM_ENV,
        WECOM_API_URL: fake.apiUrl,
      }),
    );
    cleanups.push(() => app.stop());
    expect(app.channels.names().sort()).toEqual(["web", "wecom"]);
    const endpoint = `${app.url}/wecom/callback`;
    expect(await (await fetch(verificationUrl(endpoint, "5927031183012"))).text()).toBe("5927031183012");
    expect(await postCallback(endpoint, sealedCallback(textXml("linzhiqiang", "王记 软中华断货")))).toEqual({
      status: 200,
      body: "",
    });
    await vi.waitFor(() => expect(fake.sentTo("linzhiqiang").length).toBeGreaterThan(0));
    // The web chat runs on the same port; outside demo mode a message needs a signed-in session.
    expect((await fetch(app.url)).status).toBe(200);
    const web = await fetch(`${app.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "M02", text: "帮助" }),
    });
    expect(web.status).toBe(401);
  });

  it("does not start with a wrong Secret, and says so", async () => {
    const fake = await fakeWecom();
    const config = parseConfig({ ...WECOM_ENV, WECOM_SECRET: "revoked", WECOM_API_URL: fake.apiUrl });
    const starting = startWecom({
      config,
      publicUrl: null,
      bot: { handle: async () => [] },
      roster: { personByIdentity: async () => null } as unknown as RosterStore,
      logger: createLogger("silent"),
      pacer: new Pacer(),
      shared: new MemorySharedValues(),
    });
    await expect(starting).rejects.toThrow(/gettoken failed: 40001 .*WECOM_SECRET is not this app's Secret/);
  });
});

describe("WeCom's five seconds", () => {
  it("answers the callback while a slow core is still working, and sends the reply when it is done", async () => {
    const fake = await fakeWecom();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bot: Bot = {
      async handle() {
        await gate;
        return [{ kind: "text", text: "记下了" }];
      },
    };
    const roster = { personByIdentity: async () => null } as unknown as RosterStore;
    const channel: WecomChannel = await startWecom({
      config: parseConfig({ ...WECOM_ENV, WECOM_API_URL: fake.apiUrl }),
      publicUrl: null,
      bot,
      roster,
      logger: createLogger("silent"),
      pacer: new Pacer(),
      shared: new MemorySharedValues(),
      ackTimeoutMs: 20,
    });
    cleanups.push(() => channel.stop());
    const server = (await import("node:http")).createServer(async (req, res) => {
      if (!(await channel.route(req, res))) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as { port: number };
    const answer = await postCallback(
      `http://127.0.0.1:${port}/wecom/callback`,
      sealedCallback(textXml("linzhiqiang", "王记 软中华断货")),
    );
    expect(answer).toEqual({ status: 200, body: "" });
    expect(fake.sent).toEqual([]);
    release();
    await channel.idle();
    expect(fake.sent.map((m) => m.content)).toEqual([{ content: "记下了" }]);
  });
});
