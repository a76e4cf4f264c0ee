/**
 * The rate-limited fake Slack Web API in a process of its own (as Slack is not in ours), for
 * bench:fanout: started with its limits as JSON in argv[2], it prints one line with its API URL and
 * the URL of its report (accepted posts by conversation with their arrival times in epoch ms, and
 * how many posts it refused), then serves until killed.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type PostLimits, startFakeSlackApi } from "../../../test/channels/slack/fake-slack-api.js";

/** What the report URL answers. */
export interface FakeSlackReport {
  posts: { channel: string; at: number }[];
  refusals: number;
}

const limits = JSON.parse(process.argv[2] ?? "{}") as PostLimits;
const fake = await startFakeSlackApi({ limits });
const report = http.createServer((_req, res) => {
  const body: FakeSlackReport = {
    posts: fake
      .callsTo("chat.postMessage")
      .filter((call) => !call.refused)
      .map((call) => ({ channel: String(call.args.channel), at: performance.timeOrigin + call.at })),
    refusals: fake.refusals(),
  };
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
});
await new Promise<void>((resolve) => report.listen(0, "127.0.0.1", resolve));
console.log(
  JSON.stringify({ apiUrl: fake.apiUrl, reportUrl: `http://127.0.0.1:${(report.address() as AddressInfo).port}/` }),
);
