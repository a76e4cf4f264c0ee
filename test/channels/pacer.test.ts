/** One channel's pacing, on vitest's fake clock: per account (with a burst), per recipient, and after a rate limit. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimitedError } from "../../src/channels/outbound.js";
import { Pacer } from "../../src/channels/pacer.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

/** Runs the sends, lets the fake clock run, and returns "what@when" for each, in the order they started. */
async function timeline(pacer: Pacer, sends: [recipient: string, what: string][], runMs = 60_000): Promise<string[]> {
  const log: string[] = [];
  const runs = sends.map(([to, what]) => pacer.run(to, async () => void log.push(`${what}@${Date.now()}`)));
  await vi.advanceTimersByTimeAsync(runMs);
  await Promise.all(runs);
  return log;
}

describe("a channel's pacer", () => {
  it("spaces every send from the account by perAccountMs, whoever receives it", async () => {
    const pacer = new Pacer({ perAccountMs: 3_000 });
    expect(
      await timeline(pacer, [
        ["a", "a1"],
        ["b", "b1"],
        ["a", "a2"],
      ]),
    ).toEqual(["a1@0", "b1@3000", "a2@6000"]);
  });

  it("lets a burst go at once, then one send per interval", async () => {
    const pacer = new Pacer({ perAccountMs: 3_000, burst: 3 });
    const log = await timeline(pacer, [
      ["a", "1"],
      ["a", "2"],
      ["a", "3"],
      ["a", "4"],
      ["a", "5"],
    ]);
    expect(log).toEqual(["1@0", "2@0", "3@0", "4@3000", "5@6000"]);
  });

  it("spaces sends to one recipient by perRecipientMs and leaves the others alone", async () => {
    const pacer = new Pacer({ perRecipientMs: 2_000 });
    expect(
      await timeline(pacer, [
        ["a", "a1"],
        ["b", "b1"],
        ["a", "a2"],
        ["c", "c1"],
      ]),
    ).toEqual(["a1@0", "b1@0", "c1@0", "a2@2000"]);
  });

  it("sends to several recipients side by side, each send waiting only for its own slot", async () => {
    const pacer = new Pacer({ perAccountMs: 1_000, burst: 2, perRecipientMs: 5_000 });
    const started: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const slowSend = (what: string) => async () => {
      started.push(`${what}@${Date.now()}`);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      inFlight--;
    };
    const runs = ["a1", "b1", "c1", "a2", "d1"].map((what) => pacer.run(what.slice(0, 1), slowSend(what)));
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(runs);
    // Slow sends overlap; a2 waits for a1 to finish (10 s), not just for its 5 s interval.
    expect(started).toEqual(["a1@0", "b1@0", "c1@1000", "d1@2000", "a2@10000"]);
    expect(mostInFlight).toBe(4);
  });

  it("holds only the recipient a recipient-scoped rate limit names", async () => {
    const pacer = new Pacer({ perAccountMs: 1_000 });
    const log: string[] = [];
    const limited = pacer.run("a", async () => {
      throw new RateLimitedError(30_000, "slow down", "recipient");
    });
    const others = ["b", "a", "c"].map((to) => pacer.run(to, async () => void log.push(`${to}@${Date.now()}`)));
    const settled = Promise.allSettled([limited, ...others]);
    await vi.advanceTimersByTimeAsync(40_000);
    expect((await settled).map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect(log).toEqual(["b@1000", "c@2000", "a@30000"]);
  });

  it("does not pace at all without limits", async () => {
    expect(
      await timeline(
        new Pacer(),
        [
          ["a", "1"],
          ["a", "2"],
        ],
        0,
      ),
    ).toEqual(["1@0", "2@0"]);
  });

  it("holds the account for as long as a rate limit asks, and a failed send does not stop the queue", async () => {
    const pacer = new Pacer({ perAccountMs: 1_000 });
    const log: string[] = [];
    const limited = pacer.run("a", async () => {
      throw new RateLimitedError(30_000);
    });
    const failed = pacer.run("b", async () => {
      throw new Error("puppet said no");
    });
    const after = pacer.run("c", async () => void log.push(`c@${Date.now()}`));
    const settled = Promise.allSettled([limited, failed, after]);
    await vi.advanceTimersByTimeAsync(40_000);
    expect((await settled).map((r) => r.status)).toEqual(["rejected", "rejected", "fulfilled"]);
    expect(await limited.catch((e: unknown) => e)).toBeInstanceOf(RateLimitedError);
    // The failed send went when the hold ended; the next one an interval after it.
    expect(log).toEqual(["c@31000"]);
    await pacer.idle();
    expect(pacer.size).toBe(0);
  });
});
