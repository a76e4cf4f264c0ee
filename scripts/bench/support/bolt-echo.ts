/**
 * The yardstick for Slack round trips: a bare Bolt app on its own HTTP receiver that answers every
 * DM with its own text (chat.postMessage to the fake Slack Web API). No database, no parsing: what
 * Slack's request signing, Bolt's dispatch and one Web API call cost on this machine.
 * Run as a process (`tsx scripts/bench/support/bolt-echo.ts`), it prints its events URL on stdout.
 */
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";

export interface BoltEcho {
  eventsUrl: string;
  stop(): Promise<void>;
}

export async function startBoltEcho(options: { apiUrl: string; signingSecret: string; token: string }) {
  const app = new App({
    token: options.token,
    signingSecret: options.signingSecret,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.apiUrl },
  });
  app.message(async ({ message, say }) => {
    const text = (message as { text?: string }).text ?? "";
    await say(text);
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as import("node:http").Server;
  const { port } = server.address() as AddressInfo;
  return { eventsUrl: `http://127.0.0.1:${port}/slack/events`, stop: () => app.stop().then(() => undefined) };
}

if (process.argv[1] === import.meta.filename) {
  const echo = await startBoltEcho({
    apiUrl: process.env.SLACK_API_URL ?? "",
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
    token: process.env.SLACK_BOT_TOKEN ?? "",
  });
  process.stdout.write(`${echo.eventsUrl}\n`);
  process.on("SIGTERM", () => void echo.stop().then(() => process.exit(0)));
}
