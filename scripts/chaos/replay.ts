/**
 * Replay: one signed Slack message event delivered `deliveries` times — in order and in concurrent
 * bursts, with and without X-Slack-Retry-Num — gives exactly one record and one reply, and every
 * delivery is acknowledged well inside Slack's 3 seconds.
 */
import { startFakeSlackApi } from "../../test/channels/slack/fake-slack-api.js";
import { postToSlackEndpoint } from "../../test/channels/slack/signed-requests.js";
import { demoDatabase, inspect, type ProviderName, sleep, startServer, until, Verdict } from "./harness.js";
import { reports, SLACK_ENV, slackEvent } from "./traffic.js";

const BURST = 25;

export async function replay(provider: ProviderName, deliveries: number): Promise<string[]> {
  const verdict = new Verdict(`replay: one Slack event delivered ${deliveries} times on ${provider}`);
  const scratch = await demoDatabase(provider, true);
  const fake = await startFakeSlackApi();
  const server = await startServer(scratch, SLACK_ENV(fake.apiUrl));
  try {
    const [report] = reports(1, "replay");
    if (!report) throw new Error("no report to replay");
    const event = slackEvent(report);
    const statuses = new Map<number, number>();
    let slowestAck = 0;
    const once = async (i: number) => {
      // Every other delivery is a retry as Slack marks it; the first is the original.
      const headers: Record<string, string> =
        i > 0 && i % 2 === 0
          ? { "X-Slack-Retry-Num": String(1 + (i % 3)), "X-Slack-Retry-Reason": "http_timeout" }
          : {};
      const answer = await postToSlackEndpoint(`${server.url}/slack/events`, { ...event, headers }).catch(() => null);
      const status = answer?.status ?? 0;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      slowestAck = Math.max(slowestAck, answer?.ms ?? 0);
    };
    // A third one after another, the rest in concurrent bursts.
    let sent = 0;
    for (; sent < Math.floor(deliveries / 3); sent++) await once(sent);
    while (sent < deliveries) {
      const burst = Array.from({ length: Math.min(BURST, deliveries - sent) }, (_, k) => sent + k);
      sent += burst.length;
      await Promise.all(burst.map(once));
    }
    await until(() => Promise.resolve(fake.callsTo("chat.postMessage").length > 0), 10_000);
    await sleep(1000); // any second reply would be on its way by now
    const { rows, visits } = await inspect(scratch, async (db) => ({
      rows: await db.inboundMessage.count({ where: { channel: "slack" } }),
      visits: await db.visit.count(),
    }));
    const replies = fake.callsTo("chat.postMessage").length;
    const acked = statuses.get(200) ?? 0;
    verdict.figure("deliveries answered 200", `${acked} of ${deliveries}`, acked === deliveries);
    verdict.figure("slowest acknowledgement, ms", Math.round(slowestAck), slowestAck < 3000);
    verdict.figure("inbound rows", rows, rows === 1);
    verdict.figure("records stored", visits, visits === 1);
    verdict.figure("replies posted to Slack", replies, replies === 1);
  } finally {
    await server.stop();
    await fake.close();
    await scratch.drop();
  }
  return verdict.failures();
}
