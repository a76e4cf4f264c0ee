/**
 * Team status at scale: one 15-person team's status with 1,000,000 visits in the database
 * (300 managers in 20 teams, 60,000 shops, ~1.15 M visit lines), on SQLite and PostgreSQL.
 * Prints p50/p95 answer time and the SQL statements per answer (counted at the driver adapter,
 * so every statement Prisma sends is seen). Target: p95 < 100 ms.
 * Team status keeps each member's day plan for a few minutes (src/reports/figures/plan-figures.ts);
 * the "cold" line rebuilds every plan on every answer, as the first question of the day does.
 *
 *   npx tsx scripts/bench/status.ts [--visits 1000000] [--runs 40] [--providers sqlite,postgres] [--sqlite-file PATH] [--postgres-db NAME]
 *
 * --sqlite-file keeps the generated SQLite database at PATH and reuses it on the next run;
 * --postgres-db does the same with a PostgreSQL database of that name (drop it by hand when done).
 *
 * Data goes in with raw multi-row INSERTs through better-sqlite3 / pg (Prisma per row would take
 * hours); the schema comes from the normal migrations. PostgreSQL uses PG_TEST_URL's server
 * (default postgresql://postgres@127.0.0.1:5432/postgres) and drops its scratch database after.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { seededRandom } from "../../src/demo/seeded-random.js";
import { addDays, isoWeekday } from "../../src/domain/calendar.js";
import type { ChannelCapabilities } from "../../src/domain/messages.js";
import type { Person } from "../../src/domain/roster.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { PrismaClient as PgPrismaClient } from "../../src/generated/prisma-pg/client.js";
import { messagesFor } from "../../src/locales/index.js";
import { answerQuery } from "../../src/reports/answer-status.js";
import { forgetPlans } from "../../src/reports/figures/plan-figures.js";
import type { ReportKind, StatusQuery } from "../../src/reports/query/query-types.js";
import { defaultPeriod } from "../../src/reports/query/read-period.js";
import type { ReportEnv } from "../../src/reports/report-env.js";
import { type Db, openDatabase } from "../../src/store/database.js";

const { values } = parseArgs({
  options: {
    visits: { type: "string" },
    runs: { type: "string" },
    providers: { type: "string" },
    "sqlite-file": { type: "string" },
    "postgres-db": { type: "string" },
  },
});
const TOTAL_VISITS = Number(values.visits ?? 1_000_000);
const RUNS = Number(values.runs ?? 40);
const PROVIDERS = (values.providers ?? "sqlite,postgres").split(",");
const TODAY = "2026-11-25"; // a Wednesday
const TEAMS = 20;
const TEAM_SIZE = 15;
const SHOPS_PER_MANAGER = 200;
const SKUS = 40;
const NOW = new Date(`${TODAY}T17:40:00+08:00`).toISOString();

const BENCH_SUPERVISOR: Person = {
  id: "S1",
  name: "主任1",
  role: "supervisor",
  team: "测试01组",
  supervisorId: null,
  lang: "zh",
  timezone: "Asia/Shanghai",
  email: null,
};

type Row = unknown[];
/** Writes rows of one table in multi-row INSERTs; `flush` at the end. */
type Sink = (table: string, columns: string[], rows: Row[]) => Promise<void>;

async function generate(sink: Sink): Promise<{ supervisor: Person; managers: number }> {
  const rand = seededRandom(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const stamp = NOW;
  const teams = Array.from({ length: TEAMS }, (_, i) => `测试${String(i + 1).padStart(2, "0")}组`);
  await sink(
    "Team",
    ["name", "timezone", "workdays", "holidays", "createdAt", "updatedAt"],
    teams.map((t) => [t, "Asia/Shanghai", "1,2,3,4,5", "[]", stamp, stamp]),
  );
  const people: Row[] = [];
  const managers: { id: string; team: number }[] = [];
  teams.forEach((team, t) => {
    people.push([`S${t + 1}`, `主任${t + 1}`, "supervisor", team, null, "zh", "Asia/Shanghai", 25, true, stamp, stamp]);
    for (let m = 0; m < TEAM_SIZE; m++) {
      const id = `M${String(t * TEAM_SIZE + m + 1).padStart(4, "0")}`;
      managers.push({ id, team: t });
      people.push([
        id,
        `经理${t * TEAM_SIZE + m + 1}`,
        "manager",
        team,
        `S${t + 1}`,
        "zh",
        "Asia/Shanghai",
        25,
        true,
        stamp,
        stamp,
      ]);
    }
  });
  await sink(
    "Person",
    [
      "id",
      "name",
      "role",
      "team",
      "supervisorId",
      "lang",
      "timezone",
      "dailyCapacity",
      "active",
      "createdAt",
      "updatedAt",
    ],
    people,
  );
  await sink(
    "Product",
    ["sku", "name", "brand", "aliases", "category", "createdAt", "updatedAt"],
    Array.from({ length: SKUS }, (_, i) => [
      `P${String(i + 1).padStart(3, "0")}`,
      `产品${i + 1}`,
      "",
      "[]",
      "tobacco",
      stamp,
      stamp,
    ]),
  );

  const segments = [
    "brand_store",
    "premium_store",
    "premium_store",
    "standard",
    "standard",
    "standard",
    "standard",
    "standard",
    "rural",
    "rural",
  ];
  const shopsOf = new Map<string, string[]>();
  const shops: Row[] = [];
  for (const m of managers) {
    const own: string[] = [];
    for (let s = 0; s < SHOPS_PER_MANAGER; s++) {
      const id = `R${m.id.slice(1)}${String(s).padStart(3, "0")}`;
      own.push(id);
      shops.push([
        id,
        `店${id.slice(1)}`,
        "[]",
        m.id,
        segments[s % segments.length],
        10,
        "",
        25 + rand() * 0.2,
        117 + rand() * 0.2,
        true,
        stamp,
        stamp,
      ]);
    }
    shopsOf.set(m.id, own);
  }
  await sink(
    "Retailer",
    [
      "id",
      "name",
      "aliases",
      "managerId",
      "segment",
      "grade",
      "address",
      "lat",
      "lng",
      "active",
      "createdAt",
      "updatedAt",
    ],
    shops,
  );

  // Working days back from yesterday, enough for the visits at ~15 a day per manager.
  const perDay = 15;
  const workdays: string[] = [];
  for (let d = addDays(TODAY, -1); workdays.length * managers.length * perDay < TOTAL_VISITS; d = addDays(d, -1))
    if (isoWeekday(d) <= 5) workdays.push(d);
  const visitCols = [
    "id",
    "retailerId",
    "managerId",
    "date",
    "activities",
    "compliance",
    "complianceNote",
    "status",
    "createdAt",
    "updatedAt",
  ];
  const lineCols = ["visitId", "kind", "sku", "qty", "unit"];
  let visits: Row[] = [];
  let lines: Row[] = [];
  let made = 0;
  const flush = async () => {
    await sink("Visit", visitCols, visits);
    await sink("VisitLine", lineCols, lines);
    visits = [];
    lines = [];
  };
  const addVisit = async (managerId: string, date: string) => {
    const id = randomUUID();
    const flagged = rand() < 0.003;
    visits.push([
      id,
      pick(shopsOf.get(managerId)!),
      managerId,
      date,
      '["stock_check"]',
      flagged,
      flagged ? "店主说不搭售就不给上柜" : null,
      rand() < 0.01 ? "undone" : "active",
      `${date}T09:00:00.000Z`,
      stamp,
    ]);
    lines.push([
      id,
      "stock",
      `P${String(1 + Math.floor(rand() * SKUS)).padStart(3, "0")}`,
      Math.floor(rand() * 30),
      "carton",
    ]);
    if (rand() < 0.08)
      lines.push([id, "out_of_stock", `P${String(1 + Math.floor(rand() * SKUS)).padStart(3, "0")}`, null, null]);
    if (rand() < 0.05)
      lines.push([id, "order", `P${String(1 + Math.floor(rand() * SKUS)).padStart(3, "0")}`, 5, "carton"]);
    made++;
    if (visits.length >= 5000) await flush();
  };
  for (const date of workdays) {
    for (const m of managers) for (let i = 0; i < perDay && made < TOTAL_VISITS; i++) await addVisit(m.id, date);
  }
  // Today so far for the benchmarked team: ten members have reported, five not yet.
  for (const m of managers.filter((x) => x.team === 0).slice(0, 10))
    for (let i = 0; i < 8; i++) await addVisit(m.id, TODAY);
  await flush();
  const promotions: Row[] = [];
  for (const m of managers)
    for (let i = 0; i < 20; i++)
      promotions.push([
        randomUUID(),
        m.id,
        pick(workdays),
        "tasting",
        10 + Math.floor(rand() * 20),
        60,
        "active",
        stamp,
        stamp,
      ]);
  await sink(
    "Promotion",
    ["id", "managerId", "date", "format", "consumers", "durationMinutes", "status", "createdAt", "updatedAt"],
    promotions,
  );
  return { supervisor: BENCH_SUPERVISOR, managers: managers.length };
}

function sqliteSink(path: string): { sink: Sink; close(): void } {
  const db = new Sqlite(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const sink: Sink = async (table, columns, rows) => {
    const batch = Math.floor(30_000 / columns.length);
    const cols = columns.map((c) => `"${c}"`).join(", ");
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    // SQLite binds no booleans: 1/0, as Prisma stores them.
    const norm = (v: unknown) => (typeof v === "boolean" ? (v ? 1 : 0) : v);
    db.transaction(() => {
      for (let i = 0; i < rows.length; i += batch) {
        const part = rows.slice(i, i + batch);
        db.prepare(`INSERT INTO "${table}" (${cols}) VALUES ${part.map(() => tuple).join(", ")}`).run(
          ...part.flat().map(norm),
        );
      }
    })();
  };
  const close = () => {
    db.exec("ANALYZE");
    db.close();
  };
  return { sink, close };
}

function pgSink(url: string): { sink: Sink; close(): Promise<void> } {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  const sink: Sink = async (table, columns, rows) => {
    await connected;
    const batch = Math.floor(60_000 / columns.length);
    const cols = columns.map((c) => `"${c}"`).join(", ");
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch);
      const tuples = part.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
      await client.query(`INSERT INTO "${table}" (${cols}) VALUES ${tuples.join(", ")}`, part.flat());
    }
  };
  const close = async () => {
    await client.query("ANALYZE");
    await client.end();
  };
  return { sink, close };
}

/** Counts every SQL statement the Prisma client sends through the driver adapter. */
function counting<T extends object>(target: T, counter: { n: number }): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "queryRaw" || prop === "executeRaw")
        return (...args: unknown[]) => {
          counter.n++;
          return value.apply(t, args);
        };
      if (prop === "connect" || prop === "startTransaction")
        return async (...args: unknown[]) => counting(await value.apply(t, args), counter);
      return value.bind(t);
    },
  });
}

async function measure(label: string, db: Db, counter: { n: number }, supervisor: Person): Promise<void> {
  const products = new Map((await db.product.findMany()).map((p) => [p.sku, p.name]));
  const env = (channel: ChannelCapabilities): ReportEnv => ({
    db,
    viewer: supervisor,
    t: messagesFor("zh"),
    today: TODAY,
    channel,
    // The answer's own queries are measured: the chart is kept aside rather than stored in the database.
    files: { put: async (filename) => `/files/bench/${filename}` },
    products,
  });
  // WeChat shows text only; the web chat shows the chart.
  const wechat: ChannelCapabilities = { images: false, files: false, buttons: false };
  const web: ChannelCapabilities = { images: true, files: true, buttons: true };
  const cases: {
    name: string;
    report: ReportKind;
    kind: "day" | "week";
    channel: ChannelCapabilities;
    runs: number;
    cold?: boolean;
  }[] = [
    { name: "team status today (text)", report: "team_status", kind: "day", channel: wechat, runs: RUNS },
    {
      name: "team status today, plans not kept (cold)",
      report: "team_status",
      kind: "day",
      channel: wechat,
      runs: Math.min(RUNS, 15),
      cold: true,
    },
    {
      name: "team status today + chart PNG",
      report: "team_status",
      kind: "day",
      channel: web,
      runs: Math.min(RUNS, 15),
    },
    { name: "team status this week", report: "team_status", kind: "week", channel: wechat, runs: Math.min(RUNS, 15) },
    { name: "who hasn't reported today", report: "not_reported", kind: "day", channel: wechat, runs: RUNS },
    { name: "coverage this week", report: "coverage", kind: "week", channel: wechat, runs: RUNS },
    { name: "stock-outs this week (all products)", report: "stock_outs", kind: "week", channel: wechat, runs: RUNS },
    { name: "red flags this week", report: "red_flags", kind: "week", channel: wechat, runs: RUNS },
    { name: "export this week (.xlsx)", report: "export", kind: "week", channel: wechat, runs: Math.min(RUNS, 10) },
  ];
  process.stdout.write(
    `\n${label}\n${"report".padEnd(40)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"queries".padStart(8)}\n`,
  );
  for (const c of cases) {
    const query: StatusQuery = {
      report: c.report,
      period: defaultPeriod(c.kind, TODAY),
      skus: [],
      personIds: [],
      team: null,
      details: false,
    };
    for (let i = 0; i < 3; i++) await answerQuery(env(c.channel), query, []); // warm caches and JIT
    const times: number[] = [];
    let queries = 0;
    for (let i = 0; i < c.runs; i++) {
      if (c.cold) forgetPlans(db);
      counter.n = 0;
      const start = performance.now();
      await answerQuery(env(c.channel), query, []);
      times.push(performance.now() - start);
      queries = counter.n;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      (times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN).toFixed(1);
    process.stdout.write(
      `${c.name.padEnd(40)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${String(queries).padStart(8)}\n`,
    );
  }
}

async function runSqlite(): Promise<void> {
  const keep = values["sqlite-file"];
  const dir = keep ? null : mkdtempSync(join(tmpdir(), "fieldmate-bench-"));
  const path = keep ?? join(dir!, "bench.db");
  try {
    let supervisor = BENCH_SUPERVISOR;
    if (!keep || !existsSync(path)) {
      await (await openDatabase(`file:${path}`)).close();
      const started = performance.now();
      const { sink, close } = sqliteSink(path);
      const made = await generate(sink);
      supervisor = made.supervisor;
      close();
      process.stdout.write(
        `SQLite: ${TOTAL_VISITS.toLocaleString()} visits, ${made.managers} managers loaded in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
    const counter = { n: 0 };
    const db = new PrismaClient({ adapter: counting(new PrismaBetterSQLite3({ url: `file:${path}` }), counter) });
    await db.$connect();
    await measure("SQLite", db, counter, supervisor);
    await db.$disconnect();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(): Promise<void> {
  const admin = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const keep = values["postgres-db"];
  if (keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keep))
    throw new Error(`--postgres-db: not a plain database name: ${keep}`);
  const name = keep ?? `fieldmate_bench_${randomBytes(4).toString("hex")}`;
  const adminQuery = async (sql: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      return await c.query(sql, params);
    } finally {
      await c.end();
    }
  };
  const exists =
    keep !== undefined && (await adminQuery("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount! > 0;
  if (!exists) await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    let supervisor = BENCH_SUPERVISOR;
    if (!exists) {
      await (await openDatabase(url.toString())).close();
      const started = performance.now();
      const { sink, close } = pgSink(url.toString());
      const made = await generate(sink);
      supervisor = made.supervisor;
      await close();
      process.stdout.write(
        `PostgreSQL: ${TOTAL_VISITS.toLocaleString()} visits, ${made.managers} managers loaded in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
    const counter = { n: 0 };
    const db = new PgPrismaClient({
      adapter: counting(new PrismaPg({ connectionString: url.toString() }), counter),
    }) as unknown as PrismaClient;
    await db.$connect();
    await measure("PostgreSQL", db, counter, supervisor);
    await db.$disconnect();
  } finally {
    if (!keep) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

if (PROVIDERS.includes("sqlite")) await runSqlite();
if (PROVIDERS.includes("postgres")) await runPostgres();
