/**
 * Benchmark: the morning fan-out. N managers' morning plans are queued in the outbox (through the
 * outbox store, as the morning-plan producer queues them), then the real deliverer, push and
 * channels deliver them: Slack through its Web API client over HTTP to a local fake (in a process
 * of its own: support/fake-slack-process.ts) that enforces
 * chat.postMessage's limits (one message a second per conversation with a small burst, a
 * workspace-wide cap, 429 with Retry-After), and optionally some managers on WeCom at the WeCom
 * plugin's own pace (the fake WeCom API takes whatever comes). Slack's pacing is set to the cap
 * (SLACK_MESSAGES_PER_MINUTE), as an operator who knows their workspace's limit would.
 *
 * Prints the time to deliver all, pushes sent twice (counted at the fakes by person, kind and day:
 * must be 0), missing (must be 0), 429s received, and the ratio of the delivery time to the limit's
 * theoretical minimum (plans / cap; target ≤ 1.2), with the load average.
 *
 *   npm run bench:fanout -- [--managers 5000] [--cap 100] [--wecom 0] [--concurrency 8]
 *                           [--channel-burst 3] [--workspace-burst 5]
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { ChannelRegistry } from "../../src/channels/outbound.js";
import { ChannelRegistry as Registry } from "../../src/channels/outbound.js";
import { slack } from "../../src/channels/slack/index.js";
import { startChannels } from "../../src/channels/start-channels.js";
import { LiveFeed } from "../../src/channels/web/live-feed.js";
import { wecom } from "../../src/channels/wecom/index.js";
import { parseConfig } from "../../src/config/config.js";
import type { Bot } from "../../src/core/bot.js";
import { messagesFor } from "../../src/locales/index.js";
import { createLogger } from "../../src/log.js";
import { createDeliverer } from "../../src/schedule/deliverer.js";
import { createPush } from "../../src/schedule/push.js";
import { openDatabase } from "../../src/store/database.js";
import { OutboxStore } from "../../src/store/outbox-store.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { SIGNING_SECRET } from "../../test/channels/slack/signed-requests.js";
import { startFakeWecomApi } from "../../test/channels/wecom/fake-wecom-api.js";
import { WECOM_ENV } from "../../test/channels/wecom/wecom-side.js";
import { scratchSqlite } from "../../test/support/databases.js";
import type { FakeSlackReport } from "./support/fake-slack-process.js";
import { load, target } from "./support/figures.js";

const { values } = parseArgs({
  options: {
    managers: { type: "string", default: "5000" },
    cap: { type: "string", default: "100" },
    wecom: { type: "string", default: "0" },
    concurrency: { type: "string", default: "8" },
    "channel-burst": { type: "string", default: "3" },
    "workspace-burst": { type: "string", default: "5" },
  },
});
const MANAGERS = Number(values.managers);
const CAP = Number(values.cap);
const ON_WECOM = Number(values.wecom);
const KIND = "morning_plan";

const logger = createLogger("silent");
const zh = messagesFor("zh");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const limits = {
  perChannelPerSecond: 1,
  channelBurst: Number(values["channel-burst"]),
  workspacePerSecond: CAP,
  workspaceBurst: Number(values["workspace-burst"]),
};
const slackProcess = spawn(
  process.execPath,
  ["--import", "tsx", new URL("./support/fake-slack-process.ts", import.meta.url).pathname, JSON.stringify(limits)],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const [firstLine] = await createInterface({ input: slackProcess.stdout })
  [Symbol.asyncIterator]()
  .next()
  .then((r) => [r.value as string]);
const fakeSlack = JSON.parse(firstLine ?? "{}") as { apiUrl: string; reportUrl: string };
const fakeWecom = await startFakeWecomApi();
const scratch = scratchSqlite();
const database = await openDatabase(scratch.url);
const { db } = database;

const slackIds = Array.from({ length: MANAGERS }, (_, i) => `M${String(i + 1).padStart(5, "0")}`);
const wecomIds = Array.from({ length: ON_WECOM }, (_, i) => `W${String(i + 1).padStart(5, "0")}`);
const everyone = [...slackIds, ...wecomIds];
const nameOf = (id: string) => `经理${id.slice(1)}`;
await db.person.createMany({
  data: everyone.map((id) => ({ id, name: nameOf(id), role: "manager", team: "基准组", timezone: "Asia/Shanghai" })),
});
await db.identity.createMany({
  data: [
    ...slackIds.map((id) => ({ personId: id, channel: "slack", externalId: `U${id}` })),
    ...wecomIds.map((id) => ({ personId: id, channel: "wecom", externalId: id.toLowerCase() })),
  ],
});
for (const id of wecomIds) fakeWecom.members.add(id.toLowerCase());

// The deliverer drops a push whose day has passed (on the real clock): these are today's in Shanghai.
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const queuedAt = Date.now();
const outbox = new OutboxStore(db, { now: () => new Date() });
for (const id of everyone) {
  await outbox.enqueue({
    personId: id,
    kind: KIND,
    day: today,
    replies: [
      { kind: "text", text: zh.schedule.greeting(nameOf(id), false) },
      { kind: "text", text: `1. 张记便利店 (${id})\n2. 老王烟酒店\n3. 天虹超市(龙腾南路店)` },
      { kind: "text", text: zh.schedule.planHint },
    ],
  });
}
console.log(
  `queued ${everyone.length} morning plans (${MANAGERS} on Slack, ${ON_WECOM} on WeCom) in ${((Date.now() - queuedAt) / 1000).toFixed(1)} s`,
);

const config = parseConfig({
  DATABASE_URL: scratch.url,
  SLACK_BOT_TOKEN: "xoxb-bench-token",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fakeSlack.apiUrl,
  SLACK_MESSAGES_PER_MINUTE: String(CAP * 60),
  ...(ON_WECOM > 0 ? { ...WECOM_ENV, WECOM_API_URL: fakeWecom.apiUrl } : {}),
});
const roster = RosterStore.shared(db);
const registry: ChannelRegistry = new Registry();
const unused: Bot = { handle: async () => [] };
const chats = startChannels({
  channels: [slack, wecom],
  config,
  bot: unused,
  roster,
  logger,
  registry,
  liveFeed: new LiveFeed(),
});
await chats.ready;
const push = createPush({ roster, channels: registry, logger });
const deliverer = createDeliverer({
  db,
  push,
  logger,
  options: { concurrency: Number(values.concurrency), pollMs: 1_000 },
});

const cpuBefore = process.cpuUsage();
const started = performance.timeOrigin + performance.now();
deliverer.start();
deliverer.kick();
while ((await db.outbox.count({ where: { status: { in: ["pending", "sending"] } } })) > 0) await sleep(250);
const settledS = (performance.timeOrigin + performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuMsPerPlan = (cpu.user + cpu.system) / 1000 / everyone.length;
await deliverer.stop();
await chats.stop();

// What arrived, counted at the fakes by person (their DM or userid), kind and day.
const arrivals = new Map<string, number>();
const count = (person: string) =>
  arrivals.set(`${person}|${KIND}|${today}`, (arrivals.get(`${person}|${KIND}|${today}`) ?? 0) + 1);
const slackReport = (await (await fetch(fakeSlack.reportUrl)).json()) as FakeSlackReport;
const posts = slackReport.posts;
// Pushes are posted to the user id (U…), Slack's DM with them; D… would be that DM named by its own id.
for (const post of posts) count(post.channel.replace(/^[DU]/, ""));
for (const sent of fakeWecom.sent) count(sent.touser.toUpperCase());
const twice = [...arrivals.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
const missing = everyone.filter((id) => !arrivals.has(`${id}|${KIND}|${today}`)).length;
const statuses = await db.outbox.groupBy({ by: ["status"], _count: true });

const slackLastS = lastArrival(posts.map((p) => p.at));
const wecomLastS = lastArrival(fakeWecom.sent.map((s) => performance.timeOrigin + s.at));
const slackMinS = MANAGERS / CAP;
const wecomRate = 1000 / (wecom.pacing.perAccountMs ?? 1);
const wecomMinS = ON_WECOM / wecomRate;
const minS = Math.max(slackMinS, wecomMinS);
const deliveredS = Math.max(slackLastS, wecomLastS);
const ratio = deliveredS / minS;

console.log(
  `\nfan-out: ${everyone.length} plans, deliverer concurrency ${values.concurrency}, fake Slack cap ${CAP}/s (workspace burst ${values["workspace-burst"]}), 1/s per conversation (burst ${values["channel-burst"]}), ${load()}`,
);
console.log(`  Slack: ${posts.length} posts, last at ${slackLastS.toFixed(2)} s; minimum ${slackMinS.toFixed(2)} s`);
if (ON_WECOM > 0)
  console.log(
    `  WeCom: ${fakeWecom.sent.length} messages, last at ${wecomLastS.toFixed(2)} s; minimum at its pace (${wecomRate}/s) ${wecomMinS.toFixed(2)} s`,
  );
console.log(`  time to deliver all ${deliveredS.toFixed(2)} s (every row settled at ${settledS.toFixed(2)} s)`);
console.log(
  `  CPU of this process (deliverer, channels, the fake WeCom) ${cpuMsPerPlan.toFixed(2)} ms a plan: ${(1000 / cpuMsPerPlan).toFixed(0)} plans/s on one free core`,
);
console.log(`  outbox: ${statuses.map((s) => `${s.status} ${s._count}`).join(", ")}`);
console.log(`  429s received ${slackReport.refusals}`);
console.log(target("sent twice = 0", String(twice), twice === 0));
console.log(target("missing = 0", String(missing), missing === 0));
console.log(target("delivery time / minimum ≤ 1.2", ratio.toFixed(3), ratio <= 1.2));

await database.close();
await scratch.drop();
slackProcess.kill();
await fakeWecom.close();

/** Seconds from the start of delivery to the last of these arrival times (epoch ms). */
function lastArrival(times: number[]): number {
  return times.length ? (Math.max(...times) - started) / 1000 : 0;
}
