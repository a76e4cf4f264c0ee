/**
 * One message's log lines can be found together: every line written while it is handled carries
 * its inbound id, including lines from loggers made long before the message (the model path's).
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/log.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

let app: App | null = null;
let scratch: ScratchDatabase | null = null;
let model: http.Server | null = null;
afterEach(async () => {
  await app?.stop();
  model?.closeAllConnections();
  model?.close();
  await scratch?.drop();
});

describe("log lines of one message", () => {
  it("all carry the message's inbound id, whichever logger wrote them", async () => {
    // A model endpoint that fails: the model path logs its failure with its own logger.
    model = http.createServer((_, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end("{}");
    });
    await new Promise<void>((resolve) => model!.listen(0, "127.0.0.1", resolve));
    const lines: Record<string, unknown>[] = [];
    const raw: string[] = [];
    const sink = new Writable({
      write(chunk, _, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean)) {
          raw.push(line);
          lines.push(JSON.parse(line));
        }
        done();
      },
    });
    scratch = scratchSqlite();
    const config = parseConfig({
      DATABASE_URL: scratch.url,
      PORT: "0",
      SCHEDULER: "false",
      BACKUP_KEEP: "0",
      PARSE_MODE: "llm",
      LLM_BASE_URL: `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`,
      LLM_MODEL: "stub",
    });
    app = await startApp(config, createLogger("debug", sink));
    const messageId = randomUUID();
    const before = lines.length;
    const response = await fetch(`${app.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "M11", text: "今天去了谢记便利店,软中华断货了", messageId }),
    });
    expect(response.status).toBe(200);
    const inbound = await app.database.db.inboundMessage.findUniqueOrThrow({
      where: {
        channel_externalUserId_externalMessageId: {
          channel: "web",
          externalUserId: "M11",
          externalMessageId: messageId,
        },
      },
    });
    const during = lines.slice(before).filter((l) => l.msg !== "web chat message handled");
    const fromModel = during.filter((l) => l.component === "llm-parse");
    expect(fromModel.length).toBeGreaterThan(0);
    expect(during.every((l) => l.inbound === inbound.id)).toBe(true);
    // No line names the field twice (child bindings and the message's fields would otherwise both write it).
    expect(raw.every((line) => line.split('"inbound":').length <= 2)).toBe(true);
  });
});
