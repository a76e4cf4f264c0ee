/** Invite codes are channel-neutral (src/core/invite.ts); WeChat is where they matter most. */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInvite } from "../../../src/cli/invite-command.js";
import { createInvite, findInviteCode, inviteRedeemer, redeemInvite } from "../../../src/invites/invite.js";
import { InviteAttempts } from "../../../src/invites/invite-attempts.js";
import { unknownSenderHook } from "../../../src/invites/unknown-sender.js";
import { messagesFor } from "../../../src/locales/index.js";
import { importRoster } from "../../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../../src/store/database.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { TEST_ROSTER } from "../../support/fixtures.js";

let scratch: ScratchDatabase;
let database: Database;
const now = new Date("2026-11-25T09:00:00Z");

beforeAll(async () => {
  scratch = scratchSqlite();
  database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
});
afterAll(async () => {
  await database?.close();
  await scratch?.drop();
});

function sink() {
  let text = "";
  const stream = new Writable({
    write: (c, _e, done) => {
      text += String(c);
      done();
    },
  });
  return { stream, text: () => text };
}

describe("invite codes", () => {
  it("finds a code however it is typed, and nothing in ordinary messages", () => {
    expect(findInviteCode("FM-7K3QX9")).toBe("FM-7K3QX9");
    expect(findInviteCode("我的邀请码：fm 7k3qx9，谢谢")).toBe("FM-7K3QX9");
    expect(findInviteCode("FM7K3QX9")).toBe("FM-7K3QX9");
    expect(findInviteCode("张记 中华断货 红塔山12条")).toBeNull();
    expect(findInviteCode("FM-7K3QX9Z")).toBeNull();
    expect(findInviteCode("XFM-7K3QX9")).toBeNull();
  });

  it("`cli invite` prints a code valid for 7 days, and refuses an unknown person", async () => {
    const out = sink();
    const err = sink();
    expect(await runInvite(database.db, ["--person", "M03"], out.stream, err.stream, now)).toBe(0);
    const code = out.text().split("\n")[0]!;
    const stored = await database.db.inviteCode.findUniqueOrThrow({ where: { code } });
    expect(stored).toMatchObject({ personId: "M03", usedAt: null });
    expect(stored.expiresAt.toISOString()).toBe("2026-12-02T09:00:00.000Z");
    expect(out.text()).toContain("M03 张伟");

    expect(await runInvite(database.db, ["--person", "NOBODY"], out.stream, err.stream, now)).toBe(1);
    expect(await runInvite(database.db, [], out.stream, err.stream, now)).toBe(2);
    expect(err.text()).toContain("unknown person NOBODY");
  });

  it("links once, then says the code is used; an expired code is refused", async () => {
    const invite = await createInvite(database.db, "M04", { now });
    const linked = await redeemInvite(database.db, "slack", "U_LIU", invite.code, now);
    expect(linked).toMatchObject({ status: "linked", person: { id: "M04" } });
    expect(
      await database.db.identity.findUnique({
        where: { channel_externalId: { channel: "slack", externalId: "U_LIU" } },
      }),
    ).toMatchObject({ personId: "M04" });
    expect(await redeemInvite(database.db, "wechat", "wxid_other", invite.code, now)).toMatchObject({ status: "used" });

    const old = await createInvite(database.db, "M05", { now, ttlDays: 1 });
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const expired = await redeemInvite(database.db, "wechat", "wxid_wu", old.code, later);
    expect(expired.status).toBe("expired");
    expect(await database.db.identity.count({ where: { externalId: "wxid_wu" } })).toBe(0);
  });

  it("lets only one of two senders racing with the same code win", async () => {
    const invite = await createInvite(database.db, "M06", { now });
    const results = await Promise.all([
      redeemInvite(database.db, "wechat", "wxid_a", invite.code, now),
      redeemInvite(database.db, "wechat", "wxid_b", invite.code, now),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["linked", "used"]);
    expect(await database.db.identity.count({ where: { personId: "M06" } })).toBe(1);
  });

  it("as the core's unknown-sender hook: replies for a code, null for anything else or the web", async () => {
    const hook = inviteRedeemer(database.db);
    const message = { channel: "wechat" as const, externalUserId: "wxid_x", externalMessageId: "m1", receivedAt: now };
    expect(await hook({ ...message, text: "你好" })).toBeNull();
    expect((await hook({ ...message, text: "FM-ZZZZZZ" }))![0]).toMatchObject({
      kind: "text",
      text: expect.stringContaining("邀请码 FM-ZZZZZZ 无效"),
    });
    expect(await hook({ ...message, channel: "web", text: "FM-ZZZZZZ" })).toBeNull();
  });

  it("gives one answer for a wrong, used or expired code, so guessing learns nothing", async () => {
    const used = await createInvite(database.db, "M07", { now });
    await redeemInvite(database.db, "wechat", "wxid_first", used.code, now);
    const late = await createInvite(database.db, "M08", { now, ttlDays: 1 });
    const answers = await Promise.all([
      redeemInvite(database.db, "wechat", "wxid_g", "FM-ZZZZZZ", now),
      redeemInvite(database.db, "wechat", "wxid_g", used.code, now),
      redeemInvite(database.db, "wechat", "wxid_g", late.code, new Date(now.getTime() + 2 * 86_400_000)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["unknown", "used", "expired"]);
    const texts = answers.map((a) => (a.status === "not_a_code" ? "" : (a.replies[0] as { text: string }).text));
    const withoutCode = texts.map((t) => t.replaceAll(/FM-\w+/g, "CODE"));
    expect(new Set(withoutCode).size).toBe(1);
  });

  it("makes an account wait after five wrong codes, even for a right one, and lets others try", async () => {
    const hook = inviteRedeemer(database.db, undefined, new InviteAttempts({ maxFailures: 5, windowMs: 15 * 60_000 }));
    const from = (externalUserId: string, text: string, at = now) =>
      hook({ channel: "wechat", externalUserId, externalMessageId: `m-${Math.random()}`, text, receivedAt: at });
    for (let i = 0; i < 5; i++)
      expect(JSON.stringify(await from("wxid_guesser", `FM-ZZZZZ${i + 2}`))).toContain("无效");
    const right = await createInvite(database.db, "S02", { now });
    const blocked = await from("wxid_guesser", right.code);
    expect(blocked![0]).toMatchObject({ text: expect.stringContaining("错误次数太多，请 15 分钟后再试") });
    expect(await database.db.identity.count({ where: { externalId: "wxid_guesser" } })).toBe(0);
    // Another account is not held back, and the wait ends.
    expect(JSON.stringify(await from("wxid_other_guesser", "FM-ZZZZZ9"))).toContain("无效");
    expect(JSON.stringify(await from("wxid_guesser", right.code, new Date(now.getTime() + 16 * 60_000)))).toContain(
      "欢迎",
    );
  });

  it("links nobody to a deactivated person, and tells a deactivated person's linked account so", async () => {
    const roster = new RosterStore(database.db);
    const invite = await createInvite(database.db, "S03", { now });
    await roster.link("S03", "slack", "U_OLD");
    await roster.setActive("S03", false);
    expect((await redeemInvite(database.db, "wechat", "wxid_new", invite.code, now)).status).toBe("deactivated");
    expect(await database.db.identity.count({ where: { externalId: "wxid_new" } })).toBe(0);
    const hook = unknownSenderHook(database.db);
    const refused = await hook({
      channel: "slack",
      externalUserId: "U_OLD",
      externalMessageId: "x1",
      text: "hi",
      receivedAt: now,
    });
    // Maria reads English.
    expect(refused).toEqual([{ kind: "text", text: messagesFor("en").channels.deactivated }]);
    await roster.setActive("S03", true);
    // Back from offboarding, the unused code works again.
    expect((await redeemInvite(database.db, "wechat", "wxid_new", invite.code, now)).status).toBe("linked");
  });
});
