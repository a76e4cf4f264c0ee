import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/domain/messages.js";
import { planHandlers } from "../../src/plans/index.js";
import { readSkip } from "../../src/plans/read-skip.js";
import { PROVIDERS } from "../support/databases.js";
import { chatOn } from "./chat-context.js";
import { closeDatabasesAfterEach, freshFixtures } from "./plan-setup.js";

closeDatabasesAfterEach();

const text = (replies: Reply[]) => replies.map((r) => (r.kind === "text" ? r.text : "")).join("\n");

describe.each(PROVIDERS)("the plans' chat handlers on $name", ({ create }) => {
  async function world() {
    const db = await freshFixtures(create);
    const [skip, planQuery] = planHandlers({ db });
    if (!skip || !planQuery) throw new Error("planHandlers lists the skip, then the plan question");
    return { db, skip, planQuery, chat: await chatOn(db) };
  }

  it("跳过老王家 今天关门 records a skip with its reason and answers without reading the message as a report", async () => {
    const { db, skip, chat } = await world();
    const ctx = await chat.context("M01", "跳过老王家 今天关门");
    const next = chat.next();
    await skip.handle(ctx, next);
    expect(next.calls).toBe(0);
    expect(ctx.intent).toBe("plan_skip");
    expect(text(ctx.replies)).toBe("好的，老王烟酒店今天先不去了（关门），已记下。这家店还会排进之后的计划。");
    expect(
      await db.planSkip.findMany({ select: { personId: true, retailerId: true, date: true, reason: true } }),
    ).toEqual([{ personId: "M01", retailerId: "R014", date: "2026-11-25", reason: "关门" }]);
    expect(await db.visit.count()).toBe(0);
  });

  it("skips in English on the rep's own day", async () => {
    const { db, skip, chat } = await world();
    const ctx = await chat.context("M07", "skip Joe's today, closed for inventory", {
      at: "2026-11-25T09:00:00-06:00",
    });
    await skip.handle(ctx, chat.next());
    expect(text(ctx.replies)).toBe(
      "OK, skipping Joe's Market today (closed for inventory). Noted; it will come back on a later plan.",
    );
    expect(await db.planSkip.findFirst({ select: { retailerId: true, date: true, reason: true } })).toEqual({
      retailerId: expect.any(String),
      date: "2026-11-25",
      reason: "closed for inventory",
    });
  });

  it.each(["张记便利店 红塔山还剩12", "跳过火星超市", "今天去哪几家"])("passes %j on", async (message) => {
    const { db, skip, chat } = await world();
    const ctx = await chat.context("M01", message);
    const next = chat.next();
    await skip.handle(ctx, next);
    expect(next.calls).toBe(1);
    expect(ctx.replies).toEqual([]);
    expect(await db.planSkip.count()).toBe(0);
  });

  it("answers 今天去哪几家 with the sender's plan for today, and passes a report on", async () => {
    const { planQuery, chat } = await world();
    const question = await chat.context("M01", "今天去哪几家");
    await planQuery.handle(question, chat.next());
    expect(question.intent).toBe("plan_query");
    expect(text(question.replies)).toMatch(/^今天计划 \d+ 家，已完成 0 家，还剩 \d+ 家：\n/);
    expect(text(question.replies)).toContain("新华都超市");

    const report = await chat.context("M01", "老王烟酒店 中华断货");
    const next = chat.next();
    await planQuery.handle(report, next);
    expect(next.calls).toBe(1);
    expect(report.replies).toEqual([]);
  });
});

describe("reading a skip", () => {
  it.each([
    ["跳过老王家 今天关门", "R014", "关门"],
    ["今天不去老王家，老板不在", "R014", "老板不在"],
    ["先不去新华都超市", "R003", ""],
    ["Skipping Joe's today, closed", "Joe's Market", "closed"],
  ])("reads %j", async (message, shop, reason) => {
    const db = await freshFixtures(PROVIDERS[0]!.create);
    const chat = await chatOn(db);
    const sender = /[a-z]/i.test(message) ? "M07" : "M01";
    const skip = readSkip(await chat.context(sender, message));
    const name = skip && (await db.retailer.findUniqueOrThrow({ where: { id: skip.retailerId } })).name;
    expect([shop.startsWith("R") ? skip?.retailerId : name, skip?.reason]).toEqual([shop, reason]);
  });
});
