/**
 * A message's logger (lazyChild) writes its fields on every line, like pino's child, but builds the
 * child only when a line is written at an enabled level: at `warn`, a message's info lines cost nothing.
 */
import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { createLogger, lazyChild } from "../src/log.js";

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger(level, destination), lines };
}

describe("a logger made lazily", () => {
  it("writes its fields on every line, as a child would, and redacts secrets the same", () => {
    const { logger, lines } = capture("info");
    const log = lazyChild(logger, { inbound: "in-1", person: "M11" });
    log.info({ token: "xoxb-secret", detail: { password: "p" } }, "handled");
    log.child({ step: "store" }).warn("slow");
    expect(lines).toMatchObject([
      { inbound: "in-1", person: "M11", token: "[redacted]", detail: { password: "[redacted]" }, msg: "handled" },
      { inbound: "in-1", person: "M11", step: "store", msg: "slow" },
    ]);
  });

  it("makes no child while nothing is written at an enabled level", () => {
    const { logger, lines } = capture("warn");
    const child = vi.spyOn(logger, "child");
    const log = lazyChild(logger, { inbound: "in-2" });
    log.info("handled");
    log.debug({ big: "x".repeat(100) }, "detail");
    expect(child).not.toHaveBeenCalled();
    log.error("failed");
    expect(child).toHaveBeenCalledTimes(1);
    log.error("failed again");
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines).toMatchObject([
      { inbound: "in-2", msg: "failed" },
      { inbound: "in-2", msg: "failed again" },
    ]);
  });
});
