/**
 * The event stream on its own: heartbeats keep idle connections alive, and leaving is noticed.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { type EventStream, openEventStream } from "../../../src/channels/web/event-stream.js";
import { readStreamUntil } from "./read-stream.js";

let server: http.Server | null = null;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

async function serve(onStream: (stream: EventStream) => void, onClose: () => void): Promise<string> {
  server = http.createServer((req, res) => onStream(openEventStream(req, res, { heartbeatMs: 20, onClose })));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

it("sends heartbeat comments while idle and JSON data events when asked", async () => {
  let stream: EventStream | undefined;
  const base = await serve(
    (s) => (stream = s),
    () => {},
  );
  const controller = new AbortController();
  const res = await fetch(base, { signal: controller.signal });
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  expect(res.headers.get("cache-control")).toMatch(/no-cache/);

  const beats = await readStreamUntil(res, (t) => t.split(": ping\n\n").length > 2);
  expect(beats.startsWith("retry: 3000\n: connected\n\n")).toBe(true);

  stream!.send({ replies: [{ kind: "text", text: "两行\n文字" }] });
  const data = await readStreamUntil(res, (t) => t.includes("data: "));
  expect(data).toContain('data: {"replies":[{"kind":"text","text":"两行\\n文字"}]}\n\n');
  controller.abort();
});

it("calls onClose once when the client goes away, and ignores sends after that", async () => {
  let closes = 0;
  let stream: EventStream | undefined;
  const base = await serve(
    (s) => (stream = s),
    () => closes++,
  );
  const controller = new AbortController();
  const res = await fetch(base, { signal: controller.signal });
  await readStreamUntil(res, (t) => t.includes(": connected"));
  controller.abort();

  const deadline = Date.now() + 3000;
  while (closes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(closes).toBe(1);
  expect(() => stream!.send({ late: true })).not.toThrow();
  stream!.close();
  expect(closes).toBe(1);
});
