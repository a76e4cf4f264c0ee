/**
 * Fieldmate under load, as deployed: the real server (`tsx src/main.ts`, spawned) takes visit
 * reports over Slack HTTP events from N senders at once, each waiting for its answer at the local
 * fake Slack Web API before sending the next, for `--duration` seconds in all. Beside it, a bare
 * Bolt echo app (spawned the same way). The measurements alternate in `--rounds` rounds (echo, then
 * Fieldmate; on PostgreSQL echo, one instance, two instances), every server up throughout, so that
 * each sees the same machine: on a shared machine the load moves within a minute, and measured
 * one after the other the ratios would measure it. Prints throughput and p50/p95/p99 over all
 * rounds, the ratios to the echo, counts what was stored afterwards (nothing may be lost), and runs
 * PostgreSQL with one instance and with two instances on the same database. Targets are printed
 * with PASS/FAIL.
 *
 *   npm run bench:load -- [--senders 8] [--duration 60] [--pg-duration 20] [--echo-duration 10]
 *                         [--rounds 5] [--providers sqlite,postgres] [--cpu-prof-dir DIR]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../../src/store/database.js";
import { type FakeSlackApi, startFakeSlackApi } from "../../test/channels/slack/fake-slack-api.js";
import { SIGNING_SECRET } from "../../test/channels/slack/signed-requests.js";
import { type ScratchDatabase, scratchPostgres, scratchSqlite } from "../../test/support/databases.js";
import { load, type Spread, showSpread, spread, target } from "./support/figures.js";
import { BOT_TOKEN, prepareSenders, reportText, type Sender, slackDriver } from "./support/report-traffic.js";

const { values } = parseArgs({
  options: {
    senders: { type: "string", default: "8" },
    duration: { type: "string", default: "60" },
    "pg-duration": { type: "string", default: "20" },
    "echo-duration": { type: "string", default: "10" },
    rounds: { type: "string", default: "5" },
    /** Writes each Fieldmate server's CPU profile (node --cpu-prof) into this directory. */
    "cpu-prof-dir": { type: "string" },
    providers: { type: "string", default: "sqlite,postgres" },
  },
});
const SENDERS = Number(values.senders);
const ROUNDS = Math.max(1, Number(values.rounds));
const ROOT = resolve(import.meta.dirname, "../..");

/** A port nobody uses now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function untilReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not come up`);
}

interface Server {
  eventsUrl: string;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
}

/** The app as `npm start` runs it (node with tsx's loader), on `databaseUrl`, talking to the fake Slack. */
async function startFieldmate(databaseUrl: string, fake: FakeSlackApi): Promise<Server> {
  const port = await freePort();
  const profile = values["cpu-prof-dir"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof-dir"]}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      // Warnings only: a log line per message would be measured too, and piped into this process.
      LOG_LEVEL: "warn",
      DEMO_MODE: "false",
      SCHEDULER: "false",
      LOAD_DEMO_DATA: "false",
      BACKUP_KEEP: "0",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(url, child);
  return { eventsUrl: `${url}/slack/events`, stop: stopper(child) };
}

async function startEcho(fake: FakeSlackApi): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/support/bolt-echo.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLACK_API_URL: fake.apiUrl,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const eventsUrl = await new Promise<string>((done, fail) => {
    child.stdout?.once("data", (chunk: Buffer) => done(chunk.toString().trim()));
    child.once("exit", (code) => fail(new Error(`echo exited ${code}`)));
  });
  return { eventsUrl, stop: stopper(child) };
}

interface Run {
  /** Sent, answered or not. */
  reports: number;
  unanswered: number;
  perSecond: number;
  spread: Spread;
  load: string;
  /** Round trips of the answered reports, ms. */
  times: number[];
  seconds: number;
}

/** One driver per server for all its rounds (each listens to every call at the fake). */
const drivers = new Map<Server, ReturnType<typeof slackDriver>>();
function driverOf(fake: FakeSlackApi, server: Server): ReturnType<typeof slackDriver> {
  const driver = drivers.get(server) ?? slackDriver(fake, server.eventsUrl);
  drivers.set(server, driver);
  return driver;
}

/** Every sender sends, waits for its answer, sends again, until `seconds` are up; sender i uses server i mod n. */
async function drive(fake: FakeSlackApi, servers: Server[], senders: Sender[], seconds: number): Promise<Run> {
  const drivers = servers.map((s) => driverOf(fake, s));
  const times: number[] = [];
  let unanswered = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    senders.map(async (sender, n) => {
      const driver = drivers[n % drivers.length] as ReturnType<typeof slackDriver>;
      for (let i = 0; performance.now() < until; i++) {
        try {
          times.push(await driver.send(sender.slackUser, sender.dm, reportText(sender, i)));
        } catch (error) {
          unanswered++;
          process.stderr.write(`${String(error)}\n`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    reports: times.length + unanswered,
    unanswered,
    perSecond: times.length / elapsed,
    spread: spread(times),
    load: load(),
    times,
    seconds: elapsed,
  };
}

/** Rounds of one configuration as one run: all their round trips, over all their time; the load at each round's end. */
function together(runs: Run[]): Run {
  const times = runs.flatMap((r) => r.times);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    reports: runs.reduce((sum, r) => sum + r.reports, 0),
    unanswered: runs.reduce((sum, r) => sum + r.unanswered, 0),
    perSecond: times.length / seconds,
    spread: spread(times),
    load: `load ${runs.map((r) => r.load.replace(/^load (\S+).*$/, "$1")).join(" → ")}`,
    times,
    seconds,
  };
}

function show(label: string, run: Run): string {
  return `  ${label.padEnd(30)} ${run.reports} reports (${run.unanswered} unanswered), ${run.perSecond.toFixed(1)}/s  ${showSpread(run.spread)}  (${run.load})`;
}

/** What the database holds afterwards: each report is one visit created or merged into, and one handled message. */
async function stored(databaseUrl: string): Promise<{ changes: number; handled: number; notHandled: number }> {
  const database = await openDatabase(databaseUrl, { migrate: false });
  try {
    const db = database.db;
    const [changes, handled, notHandled] = await Promise.all([
      db.auditEntry.count({ where: { action: { in: ["create", "merge"] } } }),
      db.inboundMessage.count({ where: { status: "handled" } }),
      db.inboundMessage.count({ where: { status: { not: "handled" } } }),
    ]);
    return { changes, handled, notHandled };
  } finally {
    await database.close();
  }
}

async function lossCheck(databaseUrl: string, sent: number, warmUp: number): Promise<[string, boolean]> {
  const s = await stored(databaseUrl);
  const expected = sent + warmUp;
  const ok = s.changes === expected && s.handled === expected && s.notHandled === 0;
  return [
    `${expected} sent; ${s.handled} handled, ${s.notHandled} not; ${s.changes} visits created or merged into`,
    ok,
  ];
}

const fake = await startFakeSlackApi();
const lines: string[] = [];
const out = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
out(`Load: ${SENDERS} Slack senders at once, each waiting for its answer (${load()})`);

/** A short warm-up per server: the first requests build parser tables and open connections. */
async function warmUp(servers: Server[], senders: Sender[]): Promise<number> {
  const run = await drive(fake, servers, senders, 5);
  return run.reports;
}

for (const provider of values.providers.split(",")) {
  const scratch: ScratchDatabase = provider === "sqlite" ? scratchSqlite() : await scratchPostgres();
  const servers: Server[] = [];
  try {
    const senders = await prepareSenders(scratch.url, SENDERS);
    const seconds = Number(provider === "sqlite" ? values.duration : values["pg-duration"]);
    const echoSeconds = Math.min(seconds, Number(values["echo-duration"]));
    // Every server is up (and warm) before the first round and stays up to the last.
    const echo = await startEcho(fake);
    servers.push(echo);
    await warmUp([echo], senders);
    const one = await startFieldmate(scratch.url, fake);
    servers.push(one);
    let warm = await warmUp([one], senders);
    const two = provider === "sqlite" ? null : await startFieldmate(scratch.url, fake);
    if (two) {
      servers.push(two);
      warm += await warmUp([one, two], senders);
    }
    const echoRounds: Run[] = [];
    const oneRounds: Run[] = [];
    const twoRounds: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      echoRounds.push(await drive(fake, [echo], senders, echoSeconds / ROUNDS));
      oneRounds.push(await drive(fake, [one], senders, seconds / ROUNDS));
      if (two) twoRounds.push(await drive(fake, [one, two], senders, seconds / ROUNDS));
    }
    const echoRun = together(echoRounds);
    const oneRun = together(oneRounds);
    const twoRun = two ? together(twoRounds) : null;
    out(
      `  ${provider}: ${ROUNDS} rounds, each: echo ${(echoSeconds / ROUNDS).toFixed(1)} s, then Fieldmate ${(seconds / ROUNDS).toFixed(1)} s${two ? " with 1 instance, then with 2" : ""}`,
    );
    out(show(`${provider}: bare Bolt echo`, echoRun));
    out(show(`${provider}: Fieldmate, 1 instance`, oneRun));
    if (twoRun) out(show(`${provider}: Fieldmate, 2 instances`, twoRun));
    const times = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
    out(
      `  ${provider}: Fieldmate (1 instance) / echo: p50 ${times(oneRun.spread.p50, echoRun.spread.p50)}, p95 ${times(oneRun.spread.p95, echoRun.spread.p95)}, reports/s ${times(oneRun.perSecond, echoRun.perSecond)}`,
    );
    for (const server of servers.splice(0).reverse()) await server.stop();
    const sent = oneRun.reports + (twoRun?.reports ?? 0);
    const [lossLine, nothingLost] = await lossCheck(scratch.url, sent, warm);
    out(`  targets (${provider}):`);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}× (${a.toFixed(1)} vs ${b.toFixed(1)} ms)`;
    out(
      target(
        "p50 ≤ 3× the bare echo",
        ratio(oneRun.spread.p50, echoRun.spread.p50),
        oneRun.spread.p50 <= 3 * echoRun.spread.p50,
      ),
    );
    out(
      target(
        "p95 ≤ 3× the bare echo",
        ratio(oneRun.spread.p95, echoRun.spread.p95),
        oneRun.spread.p95 <= 3 * echoRun.spread.p95,
      ),
    );
    out(target("nothing lost", lossLine, nothingLost));
    if (provider === "sqlite") {
      out(target(`≥ 150 reports/s for ${seconds} s`, `${oneRun.perSecond.toFixed(1)}/s`, oneRun.perSecond >= 150));
      out(target("p95 ≤ 100 ms at that rate", `${oneRun.spread.p95.toFixed(1)} ms`, oneRun.spread.p95 <= 100));
    }
    if (twoRun) {
      const scale = twoRun.perSecond / oneRun.perSecond;
      out(target("2 instances ≥ 1.6× one", `${scale.toFixed(2)}×`, scale >= 1.6));
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await scratch.drop();
  }
}
const posts = fake.callsTo("chat.postMessage").length;
out(`  (chat.postMessage calls in all: ${posts}; ${load()})`);
await fake.close();
