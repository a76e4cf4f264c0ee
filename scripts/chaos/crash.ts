/**
 * Crash: reports from several people by 8 concurrent clients, the server killed with SIGKILL at a
 * random moment and restarted, `kills` times, over the web API or Slack events, on SQLite or
 * PostgreSQL. A client whose request was refused or cut sends it again with the same id (as the web
 * page and Slack do). Afterwards: every acknowledged message has its record, none is stored twice,
 * and every stored message was handled.
 */
import { randomBytes } from "node:crypto";
import { type FakeSlackApi, startFakeSlackApi } from "../../test/channels/slack/fake-slack-api.js";
import { demoDatabase, inspect, type ProviderName, sleep, startServer, until, Verdict } from "./harness.js";
import { type Channel, deliver, inboundKey, type Report, reports, SLACK_ENV } from "./traffic.js";

const CLIENTS = 8;

export interface CrashOptions {
  provider: ProviderName;
  channel: Channel;
  reports: number;
  kills: number;
}

export async function crash(o: CrashOptions): Promise<string[]> {
  const verdict = new Verdict(`crash: ${o.reports} reports, ${o.kills} × kill -9, ${o.channel} on ${o.provider}`);
  const scratch = await demoDatabase(o.provider, o.channel === "slack");
  const fake: FakeSlackApi | null = o.channel === "slack" ? await startFakeSlackApi() : null;
  // The scheduler's deliverer sends the replies of messages handled after a restart.
  const env = { ...(fake ? SLACK_ENV(fake.apiUrl) : { DEMO_MODE: "true" }), SCHEDULER: "true" };
  const all = reports(o.reports, randomBytes(4).toString("hex"));
  const waiting: Report[] = [...all];
  const acknowledged = new Set<Report>();
  let unacknowledgedTries = 0;
  try {
    for (let round = 0; round <= o.kills; round++) {
      const server = await startServer(scratch, env);
      let alive = true;
      const last = round === o.kills;
      // Killed somewhere in this round's share of the traffic, with requests in flight.
      const share = waiting.length / (o.kills - round + 1);
      const target = acknowledged.size + Math.max(1, Math.floor(share * (0.3 + Math.random() * 0.6)));
      const killer = last
        ? null
        : (async () => {
            while (acknowledged.size < target && waiting.length > 0) await sleep(5);
            alive = false;
            await server.kill();
          })();
      await Promise.all(
        Array.from({ length: CLIENTS }, () => client(server.url, o.channel, () => alive, waiting, acknowledged)),
      );
      if (killer) await killer;
      else {
        // Every stored message handled: the sweeper takes what the kills left once their leases run out.
        const settled = await until(
          () =>
            inspect(scratch, async (db) => (await db.inboundMessage.count({ where: { status: "received" } })) === 0),
          60_000,
        );
        if (!settled) console.log("   (rows still received after 60 s)");
        await sleep(1500); // the deliverer's next poll sends the replies of messages handled after a restart
        await server.stop();
      }
      unacknowledgedTries = all.reduce((n, r) => n + Math.max(0, r.attempts - 1), 0);
    }
    const rows = await inspect(scratch, (db) =>
      db.inboundMessage.findMany({
        where: { channel: o.channel },
        select: {
          channel: true,
          externalUserId: true,
          externalMessageId: true,
          status: true,
          intent: true,
          _count: { select: { visits: true } },
        },
      }),
    );
    const byKey = new Map(rows.map((r) => [`${r.externalUserId}|${r.externalMessageId}`, r]));
    const rowOf = (r: Report) => {
      const key = inboundKey(o.channel, r);
      return byKey.get(`${key.externalUserId}|${key.externalMessageId}`);
    };
    const lost = [...acknowledged].filter((r) => {
      const row = rowOf(r);
      return row?.status !== "handled" || row._count.visits === 0;
    });
    for (const r of lost.slice(0, 5)) {
      const row = rowOf(r);
      console.log(
        `   lost: ${r.messageId} ${r.text} → ${row ? `${row.status} ${row.intent} visits ${row._count.visits}` : "no row"}`,
      );
    }
    const doubled = rows.filter((r) => r._count.visits > 1).length;
    const received = rows.filter((r) => r.status === "received").length;
    const failed = rows.filter((r) => r.status === "failed").length;
    const pushedReplies = await inspect(scratch, (db) =>
      db.outbox.count({ where: { kind: { startsWith: "reply:" }, status: "sent" } }),
    );
    verdict.figure("reports acknowledged", `${acknowledged.size} of ${all.length}`, acknowledged.size === all.length);
    verdict.figure("deliveries repeated after a refused or cut request", unacknowledgedTries);
    verdict.figure("acknowledged messages without their record", lost.length, lost.length === 0);
    verdict.figure("messages stored twice", doubled, doubled === 0);
    verdict.figure("stored messages never handled", received, received === 0);
    verdict.figure("messages whose handling failed", failed, failed === 0);
    verdict.figure("replies pushed for messages handled after a restart", pushedReplies);
  } finally {
    await fake?.close();
    await scratch.drop();
  }
  return verdict.failures();
}

/** One client: sends waiting reports until none is left or the server is gone; a refused one is sent again later. */
async function client(
  url: string,
  channel: Channel,
  alive: () => boolean,
  waiting: Report[],
  acknowledged: Set<Report>,
): Promise<void> {
  while (alive()) {
    const next = waiting.shift();
    if (!next) return;
    if (await deliver(url, channel, next)) acknowledged.add(next);
    else waiting.push(next);
  }
}
