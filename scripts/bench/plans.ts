/**
 * Benchmark: visit plans for 300 managers × 200 shops with a year of visit history (~600k visits),
 * on SQLite and on PostgreSQL. Prints the data size, load time, total planning time, time per
 * manager and peak memory: one manager at a time (buildPlan, as the chat asks), then in teams of 15
 * and all at once (buildPlans, as team status and the scheduled pushes ask).
 *
 *   npx tsx scripts/bench/plans.ts [--db sqlite|postgres|both] [--managers 300] [--shops 200] [--day 2026-11-26]
 *
 * PostgreSQL: a scratch database on PG_BENCH_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
 * dropped afterwards. History is written with bulk statements (better-sqlite3 prepared inserts in one
 * transaction; PostgreSQL INSERT … SELECT FROM unnest(arrays)), never one Prisma call per row.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { seededRandom } from "../../src/demo/seeded-random.js";
import { addDays, isoWeekday } from "../../src/domain/calendar.js";
import { buildPlan, buildPlans, createPlanCache } from "../../src/plans/build-plan.js";
import { DEFAULT_VISIT_RULES } from "../../src/plans/visit-rules.js";
import { openDatabase } from "../../src/store/database.js";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    managers: { type: "string", default: "300" },
    shops: { type: "string", default: "200" },
    day: { type: "string", default: "2026-11-26" },
    keep: { type: "boolean", default: false },
  },
});
const MANAGERS = Number(values.managers);
const SHOPS = Number(values.shops);
const DAY = values.day!;
const PG_ADMIN = process.env.PG_BENCH_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SKUS = Array.from({ length: 40 }, (_, i) => `T${String(i + 1).padStart(3, "0")}`);
const TEAM = "基准测试组";

interface Data {
  people: { id: string; name: string; lat: number; lng: number }[];
  shops: { id: string; name: string; managerId: string; segment: string; lat: number; lng: number }[];
  visits: {
    id: string;
    retailerId: string;
    managerId: string;
    date: string;
    followUp: string | null;
    feedback: boolean;
    feedbackText: string | null;
    compliance: boolean;
  }[];
  lines: { visitId: string; kind: string; sku: string; qty: number | null; unit: string | null }[];
}

function generate(): Data {
  const random = seededRandom(42);
  const anySku = () => SKUS[Math.floor(random() * SKUS.length)]!;
  const data: Data = { people: [], shops: [], visits: [], lines: [] };
  const from = addDays(DAY, -365);
  for (let m = 0; m < MANAGERS; m++) {
    const id = `B${String(m + 1).padStart(4, "0")}`;
    // Each manager's district: about 15 km across, somewhere in a 1.5° square.
    const lat = 24.5 + random() * 1.5;
    const lng = 116.5 + random() * 1.5;
    data.people.push({ id, name: `经理${m + 1}`, lat, lng });
    for (let s = 0; s < SHOPS; s++) {
      const r = random();
      const segment = r < 0.1 ? "brand_store" : r < 0.3 ? "premium_store" : r < 0.8 ? "standard" : "rural";
      const shopId = `${id}-S${String(s + 1).padStart(3, "0")}`;
      data.shops.push({
        id: shopId,
        name: `店${m + 1}-${s + 1}`,
        managerId: id,
        segment,
        lat: lat + random() * 0.14,
        lng: lng + random() * 0.14,
      });
      // Visits a little less often than the rule asks: real history is uneven, and it leaves some shops due.
      const every = DEFAULT_VISIT_RULES[segment]!; // every segment drawn above has a default
      let day = addDays(from, Math.floor(random() * every));
      while (day < DAY) {
        if (isoWeekday(day) <= 5) {
          const visitId = randomUUID();
          const followUp = random() < 0.1 ? addDays(day, 7) : null;
          const feedback = random() < 0.08;
          data.visits.push({
            id: visitId,
            retailerId: shopId,
            managerId: id,
            date: day,
            followUp,
            feedback,
            feedbackText: feedback ? "老板希望多分点紧俏烟" : null,
            compliance: random() < 0.005,
          });
          const n = 1 + Math.floor(random() * 2);
          for (let i = 0; i < n; i++)
            data.lines.push({
              visitId,
              kind: "stock",
              sku: anySku(),
              qty: 1 + Math.floor(random() * 15),
              unit: "carton",
            });
          if (random() < 0.2) data.lines.push({ visitId, kind: "out_of_stock", sku: anySku(), qty: null, unit: null });
        }
        day = addDays(day, Math.round(every * (1 + 0.9 * random())));
      }
    }
  }
  return data;
}

const NOW_ISO = new Date().toISOString();

function loadSqlite(path: string, data: Data): void {
  const db = new Sqlite(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const ts = NOW_ISO.replace("Z", "+00:00");
  db.transaction(() => {
    db.prepare(`INSERT INTO "Team" ("name","timezone","createdAt","updatedAt") VALUES (?,?,?,?)`).run(
      TEAM,
      "Asia/Shanghai",
      ts,
      ts,
    );
    const person = db.prepare(
      `INSERT INTO "Person" ("id","name","role","team","lang","timezone","startLat","startLng","dailyCapacity","active","createdAt","updatedAt") VALUES (?,?,'manager',?,'zh','Asia/Shanghai',?,?,25,1,?,?)`,
    );
    for (const p of data.people) person.run(p.id, p.name, TEAM, p.lat, p.lng, ts, ts);
    const shop = db.prepare(
      `INSERT INTO "Retailer" ("id","name","managerId","segment","lat","lng","active","createdAt","updatedAt") VALUES (?,?,?,?,?,?,1,?,?)`,
    );
    for (const s of data.shops) shop.run(s.id, s.name, s.managerId, s.segment, s.lat, s.lng, ts, ts);
    for (const sku of SKUS)
      db.prepare(`INSERT INTO "Product" ("sku","name","createdAt","updatedAt") VALUES (?,?,?,?)`).run(
        sku,
        `品规${sku}`,
        ts,
        ts,
      );
    const visit = db.prepare(
      `INSERT INTO "Visit" ("id","retailerId","managerId","date","followUp","feedback","feedbackText","compliance","status","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,'active',?,?)`,
    );
    for (const v of data.visits)
      visit.run(
        v.id,
        v.retailerId,
        v.managerId,
        v.date,
        v.followUp,
        v.feedback ? 1 : 0,
        v.feedbackText,
        v.compliance ? 1 : 0,
        ts,
        ts,
      );
    const line = db.prepare(`INSERT INTO "VisitLine" ("visitId","kind","sku","qty","unit") VALUES (?,?,?,?,?)`);
    for (const l of data.lines) line.run(l.visitId, l.kind, l.sku, l.qty, l.unit);
    const target = db.prepare(`INSERT INTO "CultivationTarget" ("team","month","sku") VALUES (?,?,?)`);
    for (const sku of SKUS.slice(0, 2)) target.run(TEAM, DAY.slice(0, 7), sku);
  })();
  db.exec("ANALYZE");
  db.close();
}

/** Inserts rows as arrays, one statement per chunk: INSERT … SELECT * FROM unnest($1::type[], …). */
async function unnestInsert(
  client: pg.Client,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
): Promise<void> {
  const chunk = 20_000;
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = columns.map((_, c) => part.map((r) => r[c]));
    const cols = columns.map(([name]) => `"${name}"`).join(",");
    const params = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(",");
    await client.query(`INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${params})`, arrays);
  }
}

async function loadPostgres(url: string, data: Data): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Team" ("name","timezone","updatedAt") VALUES ($1,'Asia/Shanghai',now())`, [TEAM]);
    await unnestInsert(
      client,
      "Person",
      [
        ["id", "text"],
        ["name", "text"],
        ["role", "text"],
        ["team", "text"],
        ["startLat", "float8"],
        ["startLng", "float8"],
        ["updatedAt", "timestamp"],
      ],
      data.people.map((p) => [p.id, p.name, "manager", TEAM, p.lat, p.lng, NOW_ISO]),
    );
    await unnestInsert(
      client,
      "Retailer",
      [
        ["id", "text"],
        ["name", "text"],
        ["managerId", "text"],
        ["segment", "text"],
        ["lat", "float8"],
        ["lng", "float8"],
        ["updatedAt", "timestamp"],
      ],
      data.shops.map((s) => [s.id, s.name, s.managerId, s.segment, s.lat, s.lng, NOW_ISO]),
    );
    await unnestInsert(
      client,
      "Product",
      [
        ["sku", "text"],
        ["name", "text"],
        ["updatedAt", "timestamp"],
      ],
      SKUS.map((sku) => [sku, `品规${sku}`, NOW_ISO]),
    );
    await unnestInsert(
      client,
      "Visit",
      [
        ["id", "text"],
        ["retailerId", "text"],
        ["managerId", "text"],
        ["date", "text"],
        ["followUp", "text"],
        ["feedback", "bool"],
        ["feedbackText", "text"],
        ["compliance", "bool"],
        ["updatedAt", "timestamp"],
      ],
      data.visits.map((v) => [
        v.id,
        v.retailerId,
        v.managerId,
        v.date,
        v.followUp,
        v.feedback,
        v.feedbackText,
        v.compliance,
        NOW_ISO,
      ]),
    );
    await unnestInsert(
      client,
      "VisitLine",
      [
        ["visitId", "text"],
        ["kind", "text"],
        ["sku", "text"],
        ["qty", "float8"],
        ["unit", "text"],
      ],
      data.lines.map((l) => [l.visitId, l.kind, l.sku, l.qty, l.unit]),
    );
    await unnestInsert(
      client,
      "CultivationTarget",
      [
        ["team", "text"],
        ["month", "text"],
        ["sku", "text"],
      ],
      SKUS.slice(0, 2).map((sku) => [TEAM, DAY.slice(0, 7), sku]),
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Peak {
  rss: number;
  heap: number;
}

function watchMemory(): { stop(): Peak } {
  const peak: Peak = { rss: 0, heap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bench(provider: "sqlite" | "postgres"): Promise<void> {
  let data: Data | null = generate();
  let url: string;
  let drop: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-bench-"));
    url = `file:${join(dir, "bench.db")}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `fieldmate_bench_${randomBytes(4).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  try {
    await (await openDatabase(url)).close(); // migrations
    const loadStart = performance.now();
    if (provider === "sqlite") loadSqlite(url.slice("file:".length), data);
    else await loadPostgres(url, data);
    const loadMs = performance.now() - loadStart;
    const ids = data.people.map((p) => p.id);
    data = null; // the generated history is not part of what planning needs in memory
    (globalThis as { gc?: () => void }).gc?.(); // with NODE_OPTIONS=--expose-gc the memory figures are the planner's own

    const database = await openDatabase(url, { migrate: false });
    try {
      // Warm-up: connection, prepared statements, page cache — what a running bot already has.
      const [first] = ids;
      if (first === undefined) throw new Error("--managers must be at least 1");
      await buildPlan(database.db, first, DAY);
      const before = process.memoryUsage();
      const memory = watchMemory();
      // Two passes: the first right after the bulk load (cold caches), the second as a running bot would see it.
      for (const pass of ["first pass", "second pass"]) {
        const cache = createPlanCache();
        const times: number[] = [];
        let stops = 0;
        let km = 0;
        let deferred = 0;
        const start = performance.now();
        for (const id of ids) {
          const t = performance.now();
          const plan = await buildPlan(database.db, id, DAY, cache);
          times.push(performance.now() - t);
          stops += plan.stops.length;
          km += plan.totalKm;
          deferred += plan.deferred.length;
        }
        const total = performance.now() - start;
        times.sort((a, b) => a - b);
        const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
        console.log(
          `${provider.padEnd(8)} ${pass}: plans for ${ids.length} managers in ${s(total)}, ${(total / ids.length).toFixed(1)} ms per manager ` +
            `(p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${times.at(-1)!.toFixed(1)} ms); per plan ${(stops / ids.length).toFixed(1)} stops ` +
            `(${(deferred / ids.length).toFixed(1)} more deferred), ${(km / ids.length).toFixed(1)} km`,
        );
      }
      for (const size of [15, ids.length]) {
        const cache = createPlanCache();
        let stops = 0;
        const start = performance.now();
        for (let i = 0; i < ids.length; i += size)
          for (const plan of await buildPlans(database.db, ids.slice(i, i + size), DAY, cache))
            stops += plan.stops.length;
        const total = performance.now() - start;
        const batches = Math.ceil(ids.length / size);
        console.log(
          `${provider.padEnd(8)} buildPlans, ${size === ids.length ? "all at once" : `teams of ${size}`}: plans for ${ids.length} managers in ${s(total)}, ` +
            `${(total / ids.length).toFixed(1)} ms per manager, ${(total / batches).toFixed(1)} ms per call; per plan ${(stops / ids.length).toFixed(1)} stops`,
        );
      }
      const peak = memory.stop();
      console.log(
        `${provider.padEnd(8)} load ${s(loadMs)} | memory: rss ${mb(before.rss)} → peak ${mb(peak.rss)}, heap ${mb(before.heapUsed)} → peak ${mb(peak.heap)}`,
      );
    } finally {
      await database.close();
    }
  } finally {
    if (values.keep) console.log(`         kept: ${url}`);
    else await drop();
  }
}

{
  const genStart = performance.now();
  const sample = generate();
  console.log(
    `data: ${MANAGERS} managers × ${SHOPS} shops = ${sample.shops.length} shops, ${sample.visits.length} visits, ${sample.lines.length} visit lines ` +
      `(a year to ${DAY}); generated in ${s(performance.now() - genStart)}`,
  );
}
const which =
  values.db === "both"
    ? (["sqlite", "postgres"] as const)
    : ([values.db === "postgres" ? "postgres" : "sqlite"] as const);
for (const provider of which) await bench(provider);
