import { describe, expect, it } from "vitest";
import { PerPersonQueue } from "../../src/core/per-person-queue.js";

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the per-person queue", () => {
  it("runs one person's work in order and different people's side by side", async () => {
    const queue = new PerPersonQueue();
    const events: string[] = [];
    const job = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await later(ms);
      events.push(`${name} end`);
    };
    await Promise.all([
      queue.run("M01", job("a1", 30)),
      queue.run("M01", job("a2", 1)),
      queue.run("M02", job("b1", 5)),
    ]);
    expect(events.indexOf("a2 start")).toBeGreaterThan(events.indexOf("a1 end"));
    expect(events.indexOf("b1 start")).toBeLessThan(events.indexOf("a1 end"));
  });

  it("goes on after a failed job", async () => {
    const queue = new PerPersonQueue();
    await expect(queue.run("M01", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run("M01", async () => 42)).toBe(42);
  });
});
