import { describe, expect, it } from "vitest";
import { ChannelRegistry, type OutboundChannel, RateLimitedError } from "../../src/channels/outbound.js";
import { webOutbound } from "../../src/channels/web/index.js";
import { LiveFeed } from "../../src/channels/web/live-feed.js";
import type { ChannelName, Reply } from "../../src/domain/messages.js";
import { createPush, PushFailedError } from "../../src/schedule/push.js";
import { RosterStore } from "../../src/store/roster-store.js";
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
    return new RosterStore(db);
  }

  it("sends to every linked platform and always to the web chat", async () => {
    const roster = await setUp();
    const slack = fakeChannel("slack");
    const wechat = fakeChannel("wechat");
    const feed = new LiveFeed();
    const channels = new ChannelRegistry();
    channels.register(slack.channel);
    channels.register(wechat.channel);
    channels.register(webOutbound(feed));
    const live: string[] = [];
    feed.subscribe("P1", () => live.push("P1"));
    feed.subscribe("P2", () => live.push("P2"));
    const push = createPush({ roster, channels, logger: silent });
    await push("P1", text("plan"));
    await push("P2", text("plan")); // web chat only: delivered by the live feed
    expect(slack.sent).toEqual([{ to: "U1", replies: text("plan") }]);
    expect(wechat.sent).toEqual([{ to: "wx1", replies: text("plan") }]);
    expect(live).toEqual(["P1", "P2"]);
  });

  it("counts as delivered when one platform took it, and fails or asks to wait when none did", async () => {
    const roster = await setUp();
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
    const push = createPush({ roster, channels, logger: silent });
    await expect(push("P3", text("x"))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(push("P1", text("x"))).rejects.toBeInstanceOf(PushFailedError);
    limited = false;
    await push("P1", text("x")); // Slack still fails, WeChat took it
    expect(wechat.sent.map((s) => s.to)).toEqual(["wx1"]);
  });

  it("treats an identity on a channel that is not running as unreachable, like web-only", async () => {
    const roster = await setUp();
    const push = createPush({ roster, channels: new ChannelRegistry(), logger: silent });
    await expect(push("P3", text("x"))).resolves.toBeUndefined();
  });

  it("never counts open pages as a delivery when a platform failed, and a failing page does not stop the platforms", async () => {
    const roster = await setUp();
    const wechat = fakeChannel("wechat", () => {
      throw new Error("not logged in");
    });
    const brokenPages: OutboundChannel = {
      name: "web",
      addressing: "person",
      async send() {
        throw new Error("stream closed");
      },
    };
    const channels = new ChannelRegistry();
    channels.register(wechat.channel);
    channels.register(brokenPages);
    const push = createPush({ roster, channels, logger: silent });
    await expect(push("P3", text("x"))).rejects.toBeInstanceOf(PushFailedError);
    // P2 has only a web identity: the pages are all there is, and their failure is only logged.
    await expect(push("P2", text("x"))).resolves.toBeUndefined();
  });

  it("sends a deactivated person nothing, on no channel and no open page, and counts it as done", async () => {
    const roster = await setUp();
    const slack = fakeChannel("slack");
    const feed = new LiveFeed();
    const channels = new ChannelRegistry();
    channels.register(slack.channel);
    channels.register(webOutbound(feed));
    const live: string[] = [];
    feed.subscribe("P1", () => live.push("P1"));
    await roster.setActive("P1", false);
    const push = createPush({ roster, channels, logger: silent });
    await expect(push("P1", text("plan"))).resolves.toBeUndefined();
    expect(slack.sent).toEqual([]);
    expect(live).toEqual([]);
  });
});
