/**
 * WeCom callbacks end to end: the app as `npm start` runs it (SQLite, the rule parser, the WeCom
 * channel) against the local fake WeCom server of the tests, fed visit reports encrypted and signed
 * as WeCom sends them. Prints the time to WeCom's answer (the empty 200; WeCom's limit is 5 s) and
 * to the receipt's arrival at message/send, p50/p95/max, one sender at a time and three at once; and the
 * cost of checking and opening one callback (signature + AES + XML).
 *   npx tsx scripts/bench/wecom-callback.ts [--reports 120]
 */
import { parseArgs } from "node:util";
import { startApp } from "../../src/app.js";
import { CallbackCipher } from "../../src/channels/wecom/wecom-crypto.js";
import { readCallback, readEnvelope } from "../../src/channels/wecom/wecom-xml.js";
import { parseConfig } from "../../src/config/config.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { openDatabase } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { startFakeWecomApi } from "../../test/channels/wecom/fake-wecom-api.js";
import {
  AES_KEY,
  CORP_ID,
  nextMsgId,
  postCallback,
  sealedCallback,
  TOKEN,
  textXml,
  WECOM_ENV,
} from "../../test/channels/wecom/wecom-side.js";
import { scratchSqlite } from "../../test/support/databases.js";
import { TEST_ROSTER } from "../../test/support/fixtures.js";

const { values } = parseArgs({ options: { reports: { type: "string", default: "120" } } });
const REPORTS = Number(values.reports);
const SENDERS = [
  { person: "M01", user: "linzhiqiang", shops: ["王记", "老周", "新华都", "林记", "老韩", "刘记"] },
  { person: "M02", user: "huangliping", shops: [] as string[] },
  { person: "M03", user: "zhangwei", shops: [] as string[] },
];
const FACTS = ["软中华断货", "红塔山12条", "玉溪(软)3条 中华(硬)断货", "云烟5条", "黄鹤楼1916 2条"];

function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`;
}

// The cost of one callback's signature check, decryption and XML reading.
const cipher = new CallbackCipher(TOKEN, AES_KEY, CORP_ID);
const sample = sealedCallback(textXml("linzhiqiang", "王记 软中华断货 红塔山12条 玉溪(软)3条"));
const query = new URLSearchParams(sample.query);
const OPEN_RUNS = 20_000;
const started = performance.now();
for (let i = 0; i < OPEN_RUNS; i++) {
  const encrypted = readEnvelope(sample.body);
  if (
    !cipher.signed(query.get("msg_signature") ?? "", query.get("timestamp") ?? "", query.get("nonce") ?? "", encrypted)
  )
    throw new Error("signature");
  readCallback(cipher.open(encrypted));
}
const perCallbackUs = ((performance.now() - started) * 1000) / OPEN_RUNS;

const fake = await startFakeWecomApi();
for (const s of SENDERS) fake.members.add(s.user);
const scratch = scratchSqlite();
const database = await openDatabase(scratch.url);
await importRoster(database.db, TEST_ROSTER);
const roster = new RosterStore(database.db);
for (const s of SENDERS) await roster.link(s.person, "wecom", s.user);
for (const s of SENDERS.slice(1)) {
  const shops = await database.db.retailer.findMany({ where: { managerId: s.person }, take: 6 });
  s.shops = shops.map((r) => r.name);
}
await database.close();
const app = await startApp(
  parseConfig({
    DATABASE_URL: scratch.url,
    PORT: "0",
    LOG_LEVEL: "silent",
    SCHEDULER: "false",
    LOAD_DEMO_DATA: "false",
    ...WECOM_ENV,
    WECOM_API_URL: fake.apiUrl,
  }),
);
const endpoint = `${app.url}/wecom/callback`;

/** Sends one report; resolves with the time to the 200 and to the first message/send to that user after it. */
async function report(sender: (typeof SENDERS)[number], i: number): Promise<{ answer: number; reply: number }> {
  const text = `${sender.shops[i % sender.shops.length]} ${FACTS[i % FACTS.length]}`;
  const before = fake.sentTo(sender.user).length;
  const t0 = performance.now();
  const answer = await postCallback(endpoint, sealedCallback(textXml(sender.user, text, nextMsgId())));
  const answered = performance.now() - t0;
  if (answer.status !== 200) throw new Error(`callback answered ${answer.status}`);
  while (fake.sentTo(sender.user).length <= before) await new Promise((resolve) => setTimeout(resolve, 2));
  const reply = (fake.sentTo(sender.user)[before]?.at ?? Number.NaN) - t0;
  // A reply can be several messages (a receipt and a card): let the rest arrive before the next report.
  let count: number;
  do {
    count = fake.sentTo(sender.user).length;
    await new Promise((resolve) => setTimeout(resolve, 30));
  } while (fake.sentTo(sender.user).length !== count);
  return { answer: answered, reply };
}

async function run(label: string, concurrency: number): Promise<void> {
  const results: { answer: number; reply: number }[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    SENDERS.slice(0, concurrency).map(async (sender) => {
      // One lane per sender, as people type: each waits for its receipt before the next report.
      while (next < REPORTS) results.push(await report(sender, next++));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${label}: ${results.length} reports in ${seconds.toFixed(1)} s`);
  console.log(`  answer to WeCom (200): ${percentiles(results.map((r) => r.answer))}`);
  console.log(`  receipt at message/send: ${percentiles(results.map((r) => r.reply))}`);
}

console.log(`check + open one callback (SHA-1 signature, AES-256-CBC, XML): ${perCallbackUs.toFixed(1)} µs`);
await report(SENDERS[0] as (typeof SENDERS)[number], 0); // warm-up: parser tables, roster cache
await run("one sender at a time", 1);
await run("three senders at once", 3);
await app.stop();
await fake.close();
await scratch.drop();
