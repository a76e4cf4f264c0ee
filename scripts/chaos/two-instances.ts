/**
 * Two instances on one PostgreSQL database, the scheduler on in both and a slow Slack: the outbox's
 * batch of pushes is delivered by both while one instance is killed mid-batch and restarted; then
 * answers to open questions are delivered to both instances at once (as a Slack retry landing on
 * the other one). Every push is posted at most once — exactly once unless its sender died mid-send
 * (then it is `unknown`, never repeated) — and every answer is stored once.
 */
import { localDay } from "../../src/domain/calendar.js";
import { startFakeSlackApi } from "../../test/channels/slack/fake-slack-api.js";
import { postToSlackEndpoint } from "../../test/channels/slack/signed-requests.js";
import { demoDatabase, demoShops, inspect, type Server, sleep, startServer, until, Verdict } from "./harness.js";
import { inboundKey, type Report, SLACK_ENV, slackEvent } from "./traffic.js";

const KINDS = ["morning_plan", "nudge", "digest", "weekly", "quiz", "reminder:1", "reminder:2", "reminder:3"];

export async function twoInstances(pushes: number, trials: number, postDelayMs: number): Promise<string[]> {
  const verdict = new Verdict(
    `two instances on one PostgreSQL: ${pushes} pushes, Slack ${postDelayMs} ms a post, one killed mid-batch; ${trials} answers raced`,
  );
  const scratch = await demoDatabase("postgresql", true);
  const fake = await startFakeSlackApi({ postDelayMs });
  const managers = [...demoShops().keys()].filter((m) => m.startsWith("M1"));
  const day = localDay(new Date(), "Asia/Shanghai");
  await inspect(scratch, (db) =>
    db.outbox.createMany({
      data: Array.from({ length: pushes }, (_, i) => {
        const personId = managers[i % managers.length] as string;
        const kind = KINDS[Math.floor(i / managers.length) % KINDS.length] as string;
        return { personId, kind, day, payload: JSON.stringify([{ kind: "text", text: `chaos push ${i} (${kind})` }]) };
      }),
    }),
  );
  // The scheduler's own catch-up may add today's pushes too; they are counted the same way.
  const env = { ...SLACK_ENV(fake.apiUrl), SCHEDULER: "true", CHANNEL_TIMEOUT_SECONDS: "30" };
  const servers: Server[] = [];
  try {
    let a = await startServer(scratch, env);
    const b = await startServer(scratch, env);
    servers.push(a, b);
    // Killed once a few posts went out: some of its pushes are in flight.
    await until(() => Promise.resolve(fake.callsTo("chat.postMessage").length >= Math.min(3, pushes)), 60_000);
    await a.kill();
    a = await startServer(scratch, env);
    servers.push(a);
    await until(
      () => inspect(scratch, async (db) => (await db.outbox.count({ where: { status: "pending" } })) === 0),
      180_000,
    );
    await sleep(postDelayMs + 500);
    const posts = fake.callsTo("chat.postMessage").map((c) => `${c.args.channel}|${c.args.text}`);
    const times = new Map<string, number>();
    for (const p of posts) times.set(p, (times.get(p) ?? 0) + 1);
    const twice = [...times.values()].filter((n) => n > 1).length;
    const rows = await inspect(scratch, (db) => db.outbox.groupBy({ by: ["status"], _count: true }));
    const count = (status: string) => rows.find((r) => r.status === status)?._count ?? 0;
    verdict.figure(
      "pushes in the outbox",
      rows.reduce((n, r) => n + r._count, 0),
    );
    verdict.figure("pushes posted twice", twice, twice === 0);
    verdict.figure("pushes sent", count("sent"));
    verdict.figure(
      "left by the killed instance mid-send (unknown, never repeated)",
      count("sending") + count("unknown"),
    );
    verdict.figure("pushes still pending", count("pending"), count("pending") === 0);
    verdict.figure("pushes failed", count("failed"), count("failed") === 0);

    // Answers raced to both instances.
    let doubled = 0;
    let missing = 0;
    const perManager = Math.ceil(trials / managers.length);
    await Promise.all(
      managers.map(async (manager, m) => {
        const shops = (demoShops().get(manager) ?? []).filter((name) => !/[(（]/.test(name));
        for (let t = 0; t < perManager && m * perManager + t < trials; t++) {
          const index = 1000 + m * 100 + t * 2;
          const shop = shops[t % shops.length];
          const question: Report = {
            index,
            manager,
            text: `今天又去了${shop},中华断货了`,
            messageId: `q${index}`,
            attempts: 0,
          };
          const answer: Report = { index: index + 1, manager, text: "1", messageId: `a${index}`, attempts: 0 };
          const before = await inspect(scratch, (db) => db.visit.count({ where: { managerId: manager } }));
          await postToSlackEndpoint(`${a.url}/slack/events`, slackEvent(question));
          await handled(scratch, question);
          await Promise.all([a, b].map((s) => postToSlackEndpoint(`${s.url}/slack/events`, slackEvent(answer))));
          await handled(scratch, answer);
          const after = await inspect(scratch, (db) => db.visit.count({ where: { managerId: manager } }));
          if (after - before > 1) doubled++;
          if (after - before < 1) missing++;
        }
      }),
    );
    verdict.figure("answers stored twice", `${doubled} of ${trials}`, doubled === 0);
    verdict.figure("answers not stored", `${missing} of ${trials}`, missing === 0);
  } finally {
    for (const s of servers) if (s.child.exitCode === null) await s.stop();
    await fake.close();
    await scratch.drop();
  }
  return verdict.failures();
}

async function handled(scratch: Awaited<ReturnType<typeof demoDatabase>>, r: Report): Promise<void> {
  const key = inboundKey("slack", r);
  await until(
    () =>
      inspect(scratch, async (db) => {
        const row = await db.inboundMessage.findUnique({ where: { channel_externalUserId_externalMessageId: key } });
        return row !== null && row.status !== "received";
      }),
    30_000,
  );
}
