/**
 * "网页登录" / "web login" in the real bot (test/support/chat.ts) on a real SQLite file: a linked chat
 * account gets a one-time link that signs its own person in, and nothing else is taken for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/domain/messages.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { SignInLinkStore } from "../../src/store/sign-in-link-store.js";
import { type ChatWorld, chatWorld } from "../support/chat.js";

let world: ChatWorld;
const text = (replies: Reply[]) => replies.map((r) => ("text" in r ? r.text : "")).join("\n");

beforeAll(async () => {
  world = await chatWorld();
  const roster = new RosterStore(world.database.db);
  await roster.link("M01", "wechat", "wxid_lin");
  await roster.link("M07", "slack", "UJAKE");
});
afterAll(() => world?.close());

describe("asking a chat for a web sign-in link", () => {
  it("sends a linked WeChat user a one-time link for their own person, valid 15 minutes", async () => {
    const replies = await world.say("M01", "网页登录", { channel: "wechat", externalUserId: "wxid_lin" });
    expect(text(replies)).toContain("15 分钟内有效，只能用一次");
    const token = /http:\/\/localhost:3000\/login\/([\w-]{43})/.exec(text(replies))?.[1];
    expect(token).toBeDefined();
    const links = new SignInLinkStore(world.database.db);
    expect(await links.redeem(token!, new Date())).toBe("M01");
    expect(await links.redeem(token!, new Date())).toBeNull();
  });

  it("understands it in English and however it is typed", async () => {
    for (const asked of ["web login", "Web-Login!", "  WEB LOGIN "]) {
      const replies = await world.say("M07", asked, { channel: "slack", externalUserId: "UJAKE" });
      expect(text(replies), asked).toMatch(/Here is your web chat sign-in link\. It works once, for 15 minutes/);
    }
  });

  it("tells someone already on the web chat so, and makes no link", async () => {
    const before = await world.database.db.signInLink.count();
    const replies = await world.say("M03", "网页登录");
    expect(text(replies)).toContain("您已经在网页版上了");
    expect(await world.database.db.signInLink.count()).toBe(before);
  });

  it("does not take a report that mentions the web for a sign-in request", async () => {
    const before = await world.database.db.signInLink.count();
    await world.say("M01", "网页登录不上 胡记超市 软中华断货", { channel: "wechat", externalUserId: "wxid_lin" });
    expect(await world.database.db.signInLink.count()).toBe(before);
  });

  it("gives an unlinked account nothing", async () => {
    const replies = await world.say("M01", "网页登录", { channel: "wechat", externalUserId: "wxid_stranger" });
    expect(text(replies)).not.toContain("/login/");
  });
});
