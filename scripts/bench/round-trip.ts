/**
 * Where one visit report's time goes. The app as `npm start` runs it (SQLite, rule parser) is fed
 * reports one at a time, over Slack HTTP events (answered through the local fake Slack Web API) and
 * over the web chat's API, with every query observed: each Prisma call and each SQL statement is
 * counted and timed and put under the step it serves (identify the sender, inbound log, session,
 * roster check for the parser, store, audit, names for the receipt). Parsing is timed on its own.
 * A bare Bolt echo app is measured in the same run over the same fake Slack, as the yardstick.
 *
 *   npx tsx scripts/bench/round-trip.ts [--reports 200]
 */
import { parseArgs } from "node:util";
import { startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { createParser } from "../../src/parse/index.js";
import { openDatabase, type QueryObserver } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { startFakeSlackApi } from "../../test/channels/slack/fake-slack-api.js";
import { SIGNING_SECRET } from "../../test/channels/slack/signed-requests.js";
import { scratchSqlite } from "../../test/support/databases.js";
import { startBoltEcho } from "./support/bolt-echo.js";
import { load, showSpread, spread } from "./support/figures.js";
import { BOT_TOKEN, prepareSenders, reportText, type Sender, sendWeb, slackDriver } from "./support/report-traffic.js";

const { values } = parseArgs({ options: { reports: { type: "string", default: "200" } } });
const REPORTS = Number(values.reports);
const WARM_UP = 20;

const STEPS = ["identify", "inbox", "session", "roster check", "store", "audit", "names", "other"] as const;
type Step = (typeof STEPS)[number];
const STEP_OF_TABLE: Record<string, Step> = {
  Identity: "identify",
  Person: "identify",
  InboundMessage: "inbox",
  DialogueState: "session",
  Visit: "store",
  VisitLine: "store",
  Promotion: "store",
  PromotionLine: "store",
  PromotionRetailer: "store",
  AuditEntry: "audit",
  Retailer: "names",
  Product: "names",
};

/**
 * Counts and times queries per step; Person/Retailer/Product counts and maxima are the parser's roster
 * check. A raw statement ($queryRaw, $executeRaw) names no model: it goes under the step of the table
 * its SQL names (Prisma reports the statement before the call ends).
 */
class StepRecorder implements QueryObserver {
  calls = new Map<Step, { calls: number; statements: number; ms: number }>();
  private lastStatement: Step = "other";

  operation(model: string | undefined, operation: string, ms: number): void {
    const rosterCheck =
      (operation === "aggregate" || operation === "count") && /^(Person|Retailer|Product)$/.test(model ?? "");
    const step = rosterCheck
      ? "roster check"
      : model === undefined && operation.startsWith("$")
        ? this.lastStatement
        : (STEP_OF_TABLE[model ?? ""] ?? "other");
    const entry = this.entry(step);
    entry.calls++;
    entry.ms += ms;
  }

  statement(sql: string, _ms: number): void {
    const table = /(?:FROM|INTO|UPDATE)\s+(?:[`"]\w+[`"]\.)?[`"](\w+)[`"]/i.exec(sql)?.[1];
    const rosterCheck = /\b(COUNT|MAX)\(/.test(sql) && /^(Person|Retailer|Product)$/.test(table ?? "");
    const step: Step = rosterCheck
      ? "roster check"
      : table
        ? (STEP_OF_TABLE[table] ?? "other")
        : /^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql)
          ? "store"
          : "other";
    this.lastStatement = step;
    this.entry(step).statements++;
  }

  reset(): void {
    this.calls.clear();
  }

  private entry(step: Step) {
    const entry = this.calls.get(step) ?? { calls: 0, statements: 0, ms: 0 };
    this.calls.set(step, entry);
    return entry;
  }
}

function table(recorder: StepRecorder, n: number, roundTripMs: number, parseMs: number): string {
  const rows = [
    `    ${"step".padEnd(14)} ${"Prisma calls".padStart(12)} ${"SQL stmts".padStart(10)} ${"ms".padStart(7)}`,
  ];
  let calls = 0;
  let statements = 0;
  let ms = 0;
  for (const step of STEPS) {
    const e = recorder.calls.get(step);
    if (!e) continue;
    calls += e.calls;
    statements += e.statements;
    ms += e.ms;
    rows.push(
      `    ${step.padEnd(14)} ${(e.calls / n).toFixed(2).padStart(12)} ${(e.statements / n).toFixed(2).padStart(10)} ${(e.ms / n).toFixed(2).padStart(7)}`,
    );
  }
  rows.push(
    `    ${"database".padEnd(14)} ${(calls / n).toFixed(2).padStart(12)} ${(statements / n).toFixed(2).padStart(10)} ${(ms / n).toFixed(2).padStart(7)}`,
    `    ${"parse".padEnd(14)} ${"".padStart(12)} ${"".padStart(10)} ${parseMs.toFixed(2).padStart(7)}`,
    `    ${"rest (HTTP, Bolt, handlers, reply post)".padEnd(37)} ${(roundTripMs - ms / n - parseMs).toFixed(2).padStart(7)}`,
    `    ${"round trip (mean)".padEnd(37)} ${roundTripMs.toFixed(2).padStart(7)}`,
  );
  return rows.join("\n");
}

const mean = (ms: number[]) => ms.reduce((a, b) => a + b, 0) / ms.length;

/** Each sender in turn, one report at a time; warm-up first, then the recorder starts from zero. */
async function oneAtATime(
  senders: Sender[],
  recorder: StepRecorder | null,
  send: (s: Sender, i: number) => Promise<number>,
) {
  for (let i = 0; i < WARM_UP; i++) await send(senders[i % senders.length] as Sender, i);
  recorder?.reset();
  const times: number[] = [];
  for (let i = 0; i < REPORTS; i++) times.push(await send(senders[i % senders.length] as Sender, WARM_UP + i));
  return times;
}

const scratch = scratchSqlite();
const senders = await prepareSenders(scratch.url, 8);
const fake = await startFakeSlackApi();
const recorder = new StepRecorder();
const common = {
  DATABASE_URL: scratch.url,
  PORT: "0",
  LOG_LEVEL: "silent",
  SCHEDULER: "false",
  LOAD_DEMO_DATA: "false",
};

// Parsing alone, on the same roster and texts.
const database = await openDatabase(scratch.url);
const parser = createParser(await new RosterStore(database.db).roster());
await database.close();
const texts = senders.flatMap((s) =>
  Array.from({ length: 20 }, (_, i) => ({ text: reportText(s, i), senderId: s.person })),
);
const parseStarted = performance.now();
for (let r = 0; r < 10; r++) for (const t of texts) parser.parse({ ...t, now: "2026-11-25T17:40:00+08:00" });
const parseMs = (performance.now() - parseStarted) / (10 * texts.length);

process.stdout.write(`Round trip of one visit report, ${REPORTS} reports one at a time (${load()})\n`);

// The yardstick: a bare Bolt app echoing DMs through the same fake Slack.
const echo = await startBoltEcho({ apiUrl: fake.apiUrl, signingSecret: SIGNING_SECRET, token: BOT_TOKEN });
const echoDriver = slackDriver(fake, echo.eventsUrl);
const echoTimes = await oneAtATime(senders, null, (s, i) => echoDriver.send(s.slackUser, s.dm, reportText(s, i)));
await echo.stop();

const slackApp = await startApp(
  parseConfig({
    ...common,
    DEMO_MODE: "false",
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  }),
  undefined,
  { observer: recorder },
);
const slackDriverForApp = slackDriver(fake, `${slackApp.url}/slack/events`);
const slackTimes = await oneAtATime(senders, recorder, async (s, i) => {
  const ms = await slackDriverForApp.send(s.slackUser, s.dm, reportText(s, i));
  await slackDriverForApp.settle(s.dm);
  return ms;
});
const slackTable = table(recorder, REPORTS, mean(slackTimes), parseMs);
await slackApp.stop();

const webApp = await startApp(parseConfig({ ...common, DEMO_MODE: "true", HOST: "127.0.0.1" }), undefined, {
  observer: recorder,
});
const webTimes = await oneAtATime(senders, recorder, (s, i) => sendWeb(webApp.url, s.person, reportText(s, i)));
const webTable = table(recorder, REPORTS, mean(webTimes), parseMs);
const helpTimes = await oneAtATime(senders, null, (s) =>
  sendWeb(webApp.url, s.person, s.lang === "zh" ? "帮助" : "help"),
);
await webApp.stop();

const echoSpread = spread(echoTimes);
const slackSpread = spread(slackTimes);
process.stdout.write(
  [
    `  bare Bolt echo, Slack HTTP        ${showSpread(echoSpread)}`,
    `  Fieldmate report, Slack HTTP      ${showSpread(slackSpread)}   (×${(slackSpread.p50 / echoSpread.p50).toFixed(1)} / ×${(slackSpread.p95 / echoSpread.p95).toFixed(1)} the echo at p50 / p95)`,
    slackTable,
    `  Fieldmate report, web API         ${showSpread(spread(webTimes))}`,
    webTable,
    `  Fieldmate "帮助"/"help", web API  ${showSpread(spread(helpTimes))}`,
    `  (${load()})`,
    "",
  ].join("\n"),
);
await fake.close();
await scratch.drop();
