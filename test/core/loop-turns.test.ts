import { stat } from "node:fs";
import { describe, expect, it } from "vitest";
import { LoopTurns } from "../../src/core/loop-turns.js";

describe("turns of the event loop for heavy work", () => {
  it("runs one piece of work per pass of the loop, with timers and I/O served in between", async () => {
    const turns = new LoopTurns();
    const order: string[] = [];
    const io: Promise<void>[] = [];
    const work = (name: string) =>
      turns.take().then(() => {
        order.push(name);
        // I/O finished meanwhile (here a file's stat; a health probe's socket alike) comes before the next piece.
        io.push(new Promise((done) => stat(".", () => done(void order.push(`I/O after ${name}`)))));
        const until = performance.now() + 20;
        while (performance.now() < until); // the heavy part
      });
    await Promise.all([work("a"), work("b"), work("c")]);
    await Promise.all(io);
    expect(order).toEqual(["a", "I/O after a", "b", "I/O after b", "c", "I/O after c"]);
  });

  it("serves callers in the order they asked", async () => {
    const turns = new LoopTurns();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => turns.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
