/**
 * The values instances share (WeCom's token, one-off claims) on both databases: what one instance
 * puts another reads, a claim is won once, and an expired value is gone and may be claimed again.
 * On PostgreSQL two connections stand for two instances; SQLite is one instance by design
 * (DESIGN.md), so there both "instances" share its one connection.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemorySharedValues, namespaced } from "../../src/channels/shared-values.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { SharedValueStore } from "../../src/store/shared-value-store.js";
import { PROVIDERS, type ScratchDatabase } from "../support/databases.js";

const open: { database: Database; scratch?: ScratchDatabase }[] = [];
afterEach(async () => {
  while (open.length) {
    const { database, scratch } = open.pop()!;
    await database.close();
    await scratch?.drop();
  }
});

/** A clock each test moves by hand. */
function clock(start = Date.parse("2026-11-26T01:00:00Z")) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe.each(PROVIDERS)("shared values on $name", ({ name, create }) => {
  async function twoInstances() {
    const scratch = await create();
    const first = await openDatabase(scratch.url);
    open.push({ database: first, scratch });
    if (name === "SQLite") return [first.db, first.db] as const;
    const second = await openDatabase(scratch.url);
    open.push({ database: second });
    return [first.db, second.db] as const;
  }

  it("shares a value between instances until it expires, and replaces it on put", async () => {
    const [a, b] = await twoInstances();
    const time = clock();
    const one = new SharedValueStore(a, time.now);
    const two = new SharedValueStore(b, time.now);
    const in2h = new Date(time.now().getTime() + 2 * 3600_000);
    await one.put("wecom:access_token", "T1", in2h);
    expect(await two.get("wecom:access_token")).toEqual({ value: "T1", expiresAt: in2h });
    await two.put("wecom:access_token", "T2", in2h);
    expect((await one.get("wecom:access_token"))?.value).toBe("T2");
    time.advance(2 * 3600_000);
    expect(await one.get("wecom:access_token")).toBeNull();
    expect(await two.get("never:set")).toBeNull();
  });

  it("lets exactly one of many concurrent claims win, and a claim be made again once expired", async () => {
    const [a, b] = await twoInstances();
    const time = clock();
    const stores = [new SharedValueStore(a, time.now), new SharedValueStore(b, time.now)];
    const until = new Date(time.now().getTime() + 60_000);
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => stores[i % 2]!.claim("wecom:greeted:u1:2026-11-26", `by ${i}`, until)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await stores[0]!.claim("wecom:greeted:u1:2026-11-26", "again", until)).toBe(false);
    time.advance(60_000);
    const later = new Date(time.now().getTime() + 60_000);
    const retaken = await Promise.all([
      stores[0]!.claim("wecom:greeted:u1:2026-11-26", "a", later),
      stores[1]!.claim("wecom:greeted:u1:2026-11-26", "b", later),
    ]);
    expect(retaken.filter(Boolean)).toHaveLength(1);
  });

  it("sweeps expired rows as it writes", async () => {
    const [a] = await twoInstances();
    const time = clock();
    const store = new SharedValueStore(a, time.now);
    await store.put("old", "x", new Date(time.now().getTime() + 1_000));
    time.advance(11 * 60_000);
    await store.put("new", "y", new Date(time.now().getTime() + 1_000));
    expect((await a.sharedValue.findMany()).map((r) => r.key)).toEqual(["new"]);
  });
});

describe("shared values in memory, under a channel's prefix", () => {
  it("keeps each channel's keys apart and expires them", async () => {
    let t = 0;
    const memory = new MemorySharedValues(() => t);
    const wecom = namespaced(memory, "wecom");
    const slack = namespaced(memory, "slack");
    await wecom.put("access_token", "W", new Date(100));
    expect(await slack.get("access_token")).toBeNull();
    expect(await memory.get("wecom:access_token")).toEqual({ value: "W", expiresAt: new Date(100) });
    expect(await wecom.claim("k", "1", new Date(100))).toBe(true);
    expect(await wecom.claim("k", "2", new Date(100))).toBe(false);
    t = 100;
    expect(await wecom.get("access_token")).toBeNull();
    expect(await wecom.claim("k", "3", new Date(200))).toBe(true);
  });
});
