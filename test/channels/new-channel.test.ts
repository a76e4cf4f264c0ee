/**
 * "A channel is one folder plus one line": a made-up pager channel (test/channels/pager/, nothing
 * else) added to the channel list gets its variables read and checked, its secret redacted, its
 * route on the shared server, its capabilities seen by the core, `cli link` accepting its name, and
 * pushes through the outbox's push path, paced by its own limits.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHANNELS,
  channelCapabilities,
  channelNames,
  type RunningChannels,
  startChannels,
} from "../../src/channels/index.js";
import { ChannelRegistry } from "../../src/channels/outbound.js";
import { LiveFeed } from "../../src/channels/web/live-feed.js";
import { ConfigError, parseConfig, secretVariables } from "../../src/config/config.js";
import { createLogger } from "../../src/log.js";
import { createPush } from "../../src/schedule/push.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { PAGER_PATH, pagerChannel } from "./pager/index.js";
import { scriptedCore } from "./scripted-core.js";

const pager = pagerChannel();
/** The one line: the app's list with the new channel in it. */
const channels = [...CHANNELS, pager.plugin];
const logger = createLogger("silent");

let scratch: ScratchDatabase;
let database: Database;
let running: RunningChannels;
let server: http.Server;
let base: string;
const registry = new ChannelRegistry();
const liveFeed = new LiveFeed();

beforeAll(async () => {
  scratch = scratchSqlite();
  database = await openDatabase(scratch.url);
  const roster = new RosterStore(database.db);
  await database.db.person.create({ data: { id: "P1", name: "Pat", role: "manager", lang: "en" } });
  await roster.link("P1", "pager", "555-0101");
  running = startChannels({
    channels,
    config: parseConfig({ PAGER_TOKEN: "pager-secret" }, channels),
    bot: scriptedCore({ db: database.db, logger }),
    roster,
    logger,
    registry,
    liveFeed,
  });
  await running.ready;
  server = http.createServer(async (req, res) => {
    if (!(await running.routes(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await running?.stop();
  await new Promise((resolve) => server?.close(resolve));
  await database?.close();
  await scratch?.drop();
});

describe("a new channel added as one folder and one line in the list", () => {
  it("has its variables in the one configuration, checked and kept secret", () => {
    expect(parseConfig({ PAGER_TOKEN: "t" }, channels)).toMatchObject({ PAGER_TOKEN: "t", PAGER_SENDER: "FIELDMATE" });
    expect(() => parseConfig({ PAGER_SENDER: "fm!" }, channels)).toThrow(ConfigError);
    expect(() => parseConfig({ PAGER_SENDER: "fm!" }, channels)).toThrow(
      /PAGER_SENDER must be 3 to 8 capital letters \(got "fm!"\)/,
    );
    expect(() => parseConfig({ PAGER_TOKEN: "x".repeat(3), PAGER_SENDER: "no" }, channels)).toThrow(/PAGER_SENDER/);
    expect(secretVariables(channels)).toEqual(
      expect.arrayContaining(["SESSION_SECRET", "SLACK_BOT_TOKEN", "PAGER_TOKEN"]),
    );
  });

  it("is started when its variables say so, and `cli link` and the core know it", () => {
    expect(running.started().sort()).toEqual(["pager", "web"]);
    expect(registry.names().sort()).toEqual(["pager", "web"]);
    expect(channelNames(channels)).toContain("pager");
    expect(channelCapabilities("pager", channels)).toEqual({
      images: false,
      files: false,
      buttons: false,
      maxTextLength: 160,
    });
  });

  it("takes messages on its own route of the shared server and answers through the core", async () => {
    const res = await fetch(`${base}${PAGER_PATH}`, {
      method: "POST",
      body: JSON.stringify({ from: "555-0101", id: "pg-1", text: "hello" }),
    });
    expect(await res.json()).toEqual({ pages: ["echo: hello"] });
    const row = await database.db.inboundMessage.findFirst({ where: { channel: "pager", externalMessageId: "pg-1" } });
    expect(row).toMatchObject({ personId: "P1", status: "handled" });
  });

  it("receives pushes through the outbox's push path, paced by its own limits, with the web chat beside it", async () => {
    const push = createPush({ roster: new RosterStore(database.db), channels: registry, logger });
    const pages: string[] = [];
    liveFeed.subscribe("P1", () => pages.push("web"));
    pager.delivered.length = 0;
    await push("P1", [
      {
        kind: "choices",
        text: "Start with?",
        choices: [
          { label: "Sunrise", value: "1" },
          { label: "Joe's", value: "2" },
        ],
      },
    ]);
    await push("P1", [{ kind: "text", text: "Reminder: shelf photos today" }]);
    expect(pager.delivered.map((p) => [p.to, p.from, p.text])).toEqual([
      ["555-0101", "FIELDMATE", "Start with?\n1) Sunrise\n2) Joe's\nReply 1 or 2"],
      ["555-0101", "FIELDMATE", "Reminder: shelf photos today"],
    ]);
    const [first, second] = pager.delivered;
    // perRecipientMs: 200, with a little room for timer granularity.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(190);
    expect(pages).toEqual(["web", "web"]);
  });
});
