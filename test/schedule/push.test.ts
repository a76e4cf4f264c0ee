import { describe, expect, it, vi } from "vitest";
import { ChannelRegistry, RateLimitedError, type OutboundChannel } from "../../src/core/channel.js";
import { LiveFeed } from "../../src/core/live-feed.js";
import type { ChannelName, Reply } from "../../src/domain/messages.js";
import { ChannelPacer } from "../../src/schedule/channel-pacer.js";
import { createPush, PushFailedError } from "../../src/schedule/push.js";
import { PROVIDERS } from "../support/databases.js";
import { closeDatabasesAfterEach, freshDatabase, silent, text } from "./schedule-setup.js";

closeDatabasesAfterEach();

function fakeChannel(name: ChannelName, behaviour: (externalId: string) => void = () => undefined) {
  const sent: { to: string; replies: Reply[] }[] = [];
  const channel: OutboundChannel = {
    name,
    async send(to, replies) {
      behaviour(to);
      sent.push({ to, replies });
    },
  };
  return { channel, sent };
}

describe.each(PROVIDERS)("pushing to a person's channels on $name", ({ create }) => {
  async function setUp() {
    const { db } = await freshDatabase(create);
    for (const id of ["P1", "P2", "P3"]) await db.person.create({ data: { id, name: id, role: "manager" } });
    await db.identity.createMany({
      data: [
        { personId: "P1", channel: "slack", externalId: "U1" },
        { personId: "P1", channel: "wechat", externalId: "wx1" },
        { personId: "P2", channel: "web", externalId: "P2" },
        { personId: "P3", channel: "wechat", externalId: "wx3" },
      ],
    });
    return db;
  }
  const noPacing = () => new ChannelPacer({ slack: 0, wechat: 0, web: 0 });

  it("sends to every linked platform and always to the web chat", async () => {
    const db = await setUp();
    const slack = fakeChannel("slack");
    const wechat = fakeChannel("wechat");
    const channels = new ChannelRegistry();
    channels.register(slack.channel);
    channels.register(wechat.channel);
    const feed = new LiveFeed();
    const live: string[] = [];
    feed.subscribe("P1", () => live.push("P1"));
    feed.subscribe("P2", () => live.push("P2"));
    const push = createPush({ db, channels, liveFeed: feed, logger: silent, pacer: noPacing() });
    await push("P1", text("plan"));
    await push("P2", text("plan")); // web chat only: delivered by the live feed
    expect(slack.sent).toEqual([{ to: "U1", replies: text("plan") }]);
    expect(wechat.sent).toEqual([{ to: "wx1", replies: text("plan") }]);
    expect(live).toEqual(["P1", "P2"]);
  });

  it("counts as delivered when one platform took it, and fails or asks to wait when none did", async () => {
    const db = await setUp();
    const slack = fakeChannel("slack", () => {
      throw new Error("channel_not_found");
    });
    let limited = true;
    const wechat = fakeChannel("wechat", () => {
      if (limited) throw new RateLimitedError(5_000);
    });
    const channels = new ChannelRegistry();
    channels.register(slack.channel);
    channels.register(wechat.channel);
    const push = createPush({ db, channels, liveFeed: new LiveFeed(), logger: silent, pacer: noPacing() });
    await expect(push("P3", text("x"))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(push("P1", text("x"))).rejects.toBeInstanceOf(PushFailedError);
    limited = false;
    await push("P1", text("x")); // Slack still fails, WeChat took it
    expect(wechat.sent.map((s) => s.to)).toEqual(["wx1"]);
  });

  it("treats an identity on a channel that is not running as unreachable, like web-only", async () => {
    const db = await setUp();
    const push = createPush({ db, channels: new ChannelRegistry(), liveFeed: new LiveFeed(), logger: silent, pacer: noPacing() });
    await expect(push("P3", text("x"))).resolves.toBeUndefined();
  });
});

describe("pacing per channel", () => {
  it("spaces sends on one platform, leaves others alone, and holds a platform after a rate limit", async () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(0);
      const pacer = new ChannelPacer({ slack: 1_000, wechat: 3_000, web: 0 });
      const log: string[] = [];
      const at = (what: string) => async () => void log.push(`${what}@${Date.now()}`);
      const sends = [pacer.run("wechat", at("w1")), pacer.run("wechat", at("w2")), pacer.run("slack", at("s1")), pacer.run("slack", at("s2"))];
      await vi.advanceTimersByTimeAsync(10_000);
      await Promise.all(sends);
      expect(log.sort()).toEqual(["s1@0", "s2@1000", "w1@0", "w2@3000"].sort());

      const limited = pacer.run("slack", async () => {
        throw new RateLimitedError(30_000);
      });
      await expect(limited).rejects.toBeInstanceOf(RateLimitedError);
      const after = pacer.run("slack", at("s3"));
      await vi.advanceTimersByTimeAsync(40_000);
      await after;
      expect(log.at(-1)).toBe("s3@40000");
    } finally {
      vi.useRealTimers();
    }
  });
});
