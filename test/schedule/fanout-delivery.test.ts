/**
 * The morning fan-out over real HTTP: the deliverer, push and the Slack channel (its Web API
 * client and pacer) against the fake Slack Web API. Several pushes are in flight at once, and a 429
 * with Retry-After holds only the recipient it was for: the others go out, and that push is sent
 * once, after the hold.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChannelRegistry } from "../../src/channels/outbound.js";
import { slack } from "../../src/channels/slack/index.js";
import { type RunningChannels, startChannels } from "../../src/channels/start-channels.js";
import { LiveFeed } from "../../src/channels/web/live-feed.js";
import { parseConfig } from "../../src/config/config.js";
import { localDay } from "../../src/domain/calendar.js";
import { createDeliverer, type Deliverer } from "../../src/schedule/deliverer.js";
import { createPush } from "../../src/schedule/push.js";
import type { Database } from "../../src/store/database.js";
import { OutboxStore } from "../../src/store/outbox-store.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { type FakeSlackApi, startFakeSlackApi } from "../channels/slack/fake-slack-api.js";
import { SIGNING_SECRET } from "../channels/slack/signed-requests.js";
import { scratchSqlite } from "../support/databases.js";
import { closeDatabasesAfterEach, freshDatabase, silent, text } from "./schedule-setup.js";

closeDatabasesAfterEach();

const PEOPLE = ["P1", "P2", "P3", "P4", "P5", "P6"];
/** Pushes are posted to the Slack user's id (Slack puts them in the bot's DM with them). */
const dm = (personId: string) => `U${personId}`;

let fake: FakeSlackApi;
let chats: RunningChannels;
let deliverer: Deliverer;

beforeEach(async () => {
  // Slow answers, so that pushes overlap if the deliverer lets them.
  fake = await startFakeSlackApi({ postDelayMs: 50 });
});

afterEach(async () => {
  await deliverer?.stop();
  await chats?.stop();
  await fake.close();
});

async function fanOut(database: Database & { url: string }): Promise<void> {
  const { db } = database;
  for (const id of PEOPLE) {
    await db.person.create({ data: { id, name: id, role: "manager", timezone: "Asia/Shanghai" } });
    await db.identity.create({ data: { personId: id, channel: "slack", externalId: `U${id}` } });
  }
  const today = localDay(new Date(), "Asia/Shanghai");
  const outbox = new OutboxStore(db, { now: () => new Date() });
  for (const id of PEOPLE) {
    await outbox.enqueue({ personId: id, kind: "morning_plan", day: today, replies: text(`plan for ${id}`) });
  }
  const config = parseConfig({
    DATABASE_URL: database.url,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_MESSAGES_PER_MINUTE: "60000",
  });
  const roster = RosterStore.shared(db);
  const registry = new ChannelRegistry();
  chats = startChannels({
    channels: [slack],
    config,
    bot: { handle: async () => [] },
    roster,
    logger: silent,
    registry,
    liveFeed: new LiveFeed(),
  });
  await chats.ready;
  deliverer = createDeliverer({ db, push: createPush({ roster, channels: registry, logger: silent }), logger: silent });
  deliverer.start();
  deliverer.kick();
  await expect
    .poll(() => db.outbox.count({ where: { status: { not: "sent" } } }), { timeout: 20_000, interval: 100 })
    .toBe(0);
}

describe("the morning fan-out through Slack", () => {
  it("keeps several pushes in flight at once and sends each once", async () => {
    const database = await freshDatabase(async () => scratchSqlite());
    await fanOut(database);
    const posts = fake.callsTo("chat.postMessage");
    expect(posts.map((p) => p.args.channel).sort()).toEqual(PEOPLE.map(dm));
    expect(fake.mostPostsAtOnce()).toBeGreaterThan(1);
  });

  it("holds only the recipient a 429 names, and sends their push once after Retry-After", async () => {
    const database = await freshDatabase(async () => scratchSqlite());
    fake.failNext("chat.postMessage", {
      status: 429,
      headers: { "Retry-After": "2" },
      body: { ok: false, error: "ratelimited" },
      when: (args) => args.channel === dm("P2"),
    });
    await fanOut(database);
    const posts = fake.callsTo("chat.postMessage").map((p) => p.args.channel as string);
    // P2's first post was refused; everyone else's went out before P2's second, which went once.
    expect(posts.filter((channel) => channel === dm("P2"))).toHaveLength(2);
    expect(posts.at(-1)).toBe(dm("P2"));
    expect([...new Set(posts)].sort()).toEqual(PEOPLE.map(dm));
    expect(posts).toHaveLength(PEOPLE.length + 1);
    const row = await database.db.outbox.findFirstOrThrow({ where: { personId: "P2" } });
    expect(row).toMatchObject({ status: "sent", attempts: 0 });
  });
});
