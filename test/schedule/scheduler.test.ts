/**
 * The scheduler on a fake clock: node-cron fires in each team's time zone under vitest's fake timers,
 * pushes go through the outbox to the web chat's live feed, and restarts never send twice.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ChannelRegistry } from "../../src/channels/outbound.js";
import { webOutbound } from "../../src/channels/web/index.js";
import { LiveFeed } from "../../src/channels/web/live-feed.js";
import type { Reply } from "../../src/domain/messages.js";
import { importQuizCsv } from "../../src/quiz/quiz-bank.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { createPush } from "../../src/schedule/push.js";
import { addReminder } from "../../src/schedule/reminders.js";
import { type Scheduler, startScheduler } from "../../src/schedule/scheduler.js";
import type { Db } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { logVisit } from "../plans/plan-setup.js";
import { PROVIDERS } from "../support/databases.js";
import { REPO_ROOT, TEST_ROSTER } from "../support/fixtures.js";
import { closeDatabasesAfterEach, freshDatabase, silent } from "./schedule-setup.js";

closeDatabasesAfterEach();

const running: Scheduler[] = [];
beforeEach(() => {
  // Only the timers node-cron and the deliverer use; setImmediate stays real so database I/O can finish.
  vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
});
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
  vi.useRealTimers();
});

/** Waits (in real time) until every running scheduler has finished what its timers started. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await vi.advanceTimersByTimeAsync(0);
    for (const s of running) await s.idle();
  }
}

/** Moves the fake clock to a local Shanghai time (+08:00), letting every timer on the way fire. */
async function advanceTo(iso: string): Promise<void> {
  const target = Date.parse(iso);
  // Small steps, each followed by a settle, so a job a timer starts finishes at "its" time.
  while (Date.now() < target) {
    await vi.advanceTimersByTimeAsync(Math.min(15 * 60_000, target - Date.now()));
    await settle();
  }
  await settle();
}

interface Watch {
  feed: LiveFeed;
  seen: { personId: string; text: string }[];
  of(personId: string): string[];
}

function watchEveryone(ids: string[]): Watch {
  const feed = new LiveFeed();
  const seen: { personId: string; text: string }[] = [];
  for (const id of ids)
    feed.subscribe(id, (replies: Reply[]) =>
      seen.push({ personId: id, text: replies.map((r) => ("text" in r ? r.text : "")).join("\n") }),
    );
  return { feed, seen, of: (id) => seen.filter((s) => s.personId === id).map((s) => s.text) };
}

const EVERYONE = ["S01", "S02", "S03", "M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08"];
/** The two Longyan teams. Austin runs 14 hours behind: a start during Shanghai's day is its afternoon or evening, when its own catch-up runs. */
const LONGYAN = new Set(["S01", "S02", "M01", "M02", "M03", "M04", "M05", "M06"]);
const longyan = (w: Watch) => w.seen.filter((s) => LONGYAN.has(s.personId));

async function start(db: Db, watch: Watch): Promise<Scheduler> {
  const channels = new ChannelRegistry();
  channels.register(webOutbound(watch.feed));
  const push = createPush({ roster: new RosterStore(db), channels, logger: silent });
  const scheduler = await startScheduler({
    db,
    logger: silent,
    push,
    options: { deliverer: { pollMs: 3_600_000 }, refreshMs: 86_400_000 },
  });
  running.push(scheduler);
  await settle();
  return scheduler;
}

async function stopAll(): Promise<void> {
  while (running.length) await running.pop()!.stop();
}

async function kinds(db: Db, status = "sent"): Promise<string[]> {
  return (await db.outbox.findMany({ where: { status }, orderBy: [{ kind: "asc" }, { personId: "asc" }] })).map(
    (r) => `${r.kind}:${r.personId}:${r.day}`,
  );
}

describe.each(PROVIDERS)("scheduled pushes on $name", ({ create }) => {
  async function organisation(): Promise<Db> {
    const { db } = await freshDatabase(create);
    await importRoster(db, TEST_ROSTER);
    await importQuizCsv(db, `${REPO_ROOT}/prisma/demo/quiz.csv`);
    return db;
  }

  it("sends the morning plan, the quiz, the nudge and the digest at each team's local times, once each, to the web chat", async () => {
    vi.setSystemTime(new Date("2026-11-26T06:59:00+08:00")); // Thursday
    const db = await organisation();
    const watch = watchEveryone(EVERYONE);
    await start(db, watch);
    expect(longyan(watch)).toEqual([]);
    // Austin, at 16:59 on Wednesday, gets Wednesday's missed plan and quiz late, with an apology.
    expect(watch.of("M07")[0]).toMatch(/^Hi Jake, sorry, today's plan is late\.\n/);

    await advanceTo("2026-11-26T07:30:30+08:00");
    expect(
      longyan(watch)
        .map((s) => s.personId)
        .sort(),
    ).toEqual(["M01", "M02", "M03", "M04", "M05", "M06"]);
    expect(watch.of("M01")[0]).toMatch(/^林志强，早上好！\n今天计划拜访 25 家（路线约 [\d.]+ 公里）：\n1\. /);

    await advanceTo("2026-11-26T12:00:30+08:00");
    expect(watch.of("M03").at(-1)).toContain("【每日一题 · 应知应会】");

    await logVisit(db, "R014", "2026-11-26", {
      lines: [{ kind: "out_of_stock", sku: "T002" }],
      compliance: true,
      complianceNote: "让老板先订两条新品才给软中华",
    });
    await advanceTo("2026-11-26T17:30:30+08:00");
    // M01 logged a visit: no nudge for them.
    expect(watch.of("M01").some((t) => t.includes("还没有拜访记录"))).toBe(false);
    expect(watch.of("M02").at(-1)).toMatch(/^黄丽萍，今天还没有拜访记录哦（今天计划 25 家）/);

    await advanceTo("2026-11-26T18:30:30+08:00");
    const digest = watch.of("S01").at(-1)!;
    expect(digest).toContain("【新罗一组 · 11月26日（周四） 日报】");
    expect(digest).toContain("· 林志强：计划 25 家，完成 1 家");
    expect(digest).toContain("· 黄丽萍：今天还没有拜访记录（计划 25 家）");
    expect(digest).toContain("断货（1 家）：老王烟酒店 中华(软)");
    expect(digest).toContain("林志强 @ 老王烟酒店：「让老板先订两条新品才给软中华」");
    expect(digest).toContain("今日答题：林志强 未答；黄丽萍 未答；张伟 未答");

    // Austin's own Thursday plan goes out at 07:30 Chicago time, 21:30 in Shanghai.
    const before = watch.of("M07").length;
    await advanceTo("2026-11-26T21:30:30+08:00");
    expect(watch.of("M07").slice(before)[0]).toMatch(
      /^Good morning, Jake!\nToday's plan: 15 stores, route about [\d.]+ km \([\d.]+ mi\):/,
    );

    const sent = (await kinds(db)).filter((k) => k.endsWith(":2026-11-26"));
    expect(sent.filter((k) => k.startsWith("morning_plan:"))).toHaveLength(8);
    expect(sent.filter((k) => k.startsWith("quiz:"))).toHaveLength(6);
    expect(sent.filter((k) => k.startsWith("nudge:"))).toHaveLength(5);
    expect(sent.filter((k) => k.startsWith("digest:"))).toEqual(["digest:S01:2026-11-26", "digest:S02:2026-11-26"]);
    // Nothing was delivered twice.
    expect(longyan(watch).length).toBe(6 + 6 + 5 + 2);
  });

  it("a restart on the same day sends nothing again", async () => {
    vi.setSystemTime(new Date("2026-11-26T07:29:00+08:00"));
    const db = await organisation();
    const watch = watchEveryone(EVERYONE);
    await start(db, watch);
    await advanceTo("2026-11-26T07:31:00+08:00");
    expect(longyan(watch)).toHaveLength(6);
    const all = watch.seen.length;
    await stopAll();
    await advanceTo("2026-11-26T07:45:00+08:00");
    await start(db, watch); // the catch-up finds today's plans (and Austin's) already in the outbox
    await advanceTo("2026-11-26T08:00:00+08:00");
    expect(watch.seen).toHaveLength(all);
  });

  it("started at 09:00 after being down at 07:30, sends today's plan once, late, and never yesterday's", async () => {
    vi.setSystemTime(new Date("2026-11-26T09:00:00+08:00"));
    const db = await organisation();
    // Yesterday's plan was written but the bot died before sending it.
    await db.outbox.create({
      data: {
        personId: "M01",
        kind: "morning_plan",
        day: "2026-11-25",
        payload: JSON.stringify([{ kind: "text", text: "yesterday" }]),
        nextAttemptAt: new Date("2026-11-24T23:30:00Z"),
      },
    });
    const watch = watchEveryone(EVERYONE);
    await start(db, watch);
    await advanceTo("2026-11-26T09:05:00+08:00");
    expect(watch.of("M01")).toHaveLength(1);
    expect(watch.of("M01")[0]).toContain("早上好");
    expect(watch.seen.some((s) => s.text === "yesterday")).toBe(false);
    expect((await db.outbox.findFirstOrThrow({ where: { personId: "M01", day: "2026-11-25" } })).status).toBe(
      "expired",
    );
    // Not the evening's pushes: their time has not come.
    expect(longyan(watch).every((s) => s.text.includes("早上好"))).toBe(true);
    // Tomorrow brings tomorrow's plan, once.
    await advanceTo("2026-11-27T07:31:00+08:00");
    const plans = watch.of("M01").filter((t) => t.includes("早上好"));
    expect(plans).toHaveLength(2);
  });

  it("sends no plan on a holiday or a weekend, and the weekly summary on Monday", async () => {
    vi.setSystemTime(new Date("2026-11-27T07:00:00+08:00")); // Friday
    const db = await organisation();
    await db.team.update({ where: { name: "新罗一组" }, data: { holidays: JSON.stringify(["2026-11-27"]) } });
    await logVisit(db, "R014", "2026-11-23");
    await logVisit(db, "R003", "2026-11-24");
    const watch = watchEveryone(EVERYONE);
    await start(db, watch);
    await advanceTo("2026-11-27T07:31:00+08:00");
    expect(
      longyan(watch)
        .map((s) => s.personId)
        .sort(),
    ).toEqual(["M04", "M05", "M06"]);
    await advanceTo("2026-11-29T23:00:00+08:00"); // the weekend: no plan for the Longyan teams
    expect(longyan(watch).filter((s) => s.text.includes("早上好"))).toHaveLength(3);
    const before = watch.seen.length;
    await advanceTo("2026-11-30T07:31:00+08:00"); // Monday
    const monday = watch.seen.slice(before);
    expect(monday.filter((s) => s.personId === "S01").map((s) => s.text)[0]).toContain(
      "【新罗一组 · 上周小结（11月23日—29日）】",
    );
    expect(monday.find((s) => s.personId === "M01" && s.text.includes("上周"))!.text).toMatch(
      /^林志强，上周（11月23日—29日）小结：拜访 2 家次，计划完成 2\/\d+/,
    );
    expect(monday.filter((s) => s.personId === "M01" && s.text.includes("早上好"))).toHaveLength(1);
  });

  it("sends a policy reminder to its audience at the cron time in each person's zone and language", async () => {
    vi.setSystemTime(new Date("2026-11-26T07:59:00+08:00"));
    const db = await organisation();
    await addReminder(db, {
      cron: "0 8 * * 1-5",
      audience: "role:supervisor",
      textZh: "本周重点检查明码标价。",
      textEn: "This week, check price tags at every stop.",
    });
    const watch = watchEveryone(EVERYONE);
    await start(db, watch);
    await advanceTo("2026-11-26T08:00:30+08:00");
    expect(watch.seen.filter((s) => s.text.startsWith("【提醒】"))).toEqual([
      { personId: "S01", text: "【提醒】本周重点检查明码标价。" },
      { personId: "S02", text: "【提醒】本周重点检查明码标价。" },
    ]);
    // 08:00 in Chicago is 22:00 in Shanghai.
    await advanceTo("2026-11-26T22:00:30+08:00");
    expect(watch.of("S03")).toContain("Reminder: This week, check price tags at every stop.");
  });
});
