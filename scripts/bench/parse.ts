/**
 * Parse benchmark: replays the dev set many times in one process against the fixture roster
 * and a generated one (30,000 shops, 2,000 products) and prints messages/second, p50/p99
 * latency per message, index build time and peak memory (RSS).
 *   npx tsx scripts/bench/parse.ts [--shops 30000] [--products 2000] [--reps 40]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Roster } from "../../src/domain/roster.js";
import { createParser } from "../../src/parse/index.js";
import { readRosterDir } from "../../src/roster/roster-files.js";
import { generateRoster } from "./gen-roster.js";

const { values } = parseArgs({
  options: {
    shops: { type: "string", default: "30000" },
    products: { type: "string", default: "2000" },
    reps: { type: "string", default: "40" },
  },
});
const repoRoot = resolve(import.meta.dirname, "../..");
// The shared evaluation set beside the clone (FIELDMATE_SHARED_DIR moves it, as for the tests).
const shared = resolve(repoRoot, process.env.FIELDMATE_SHARED_DIR ?? "../shared", "eval");
const lines = readFileSync(resolve(shared, "dev.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { sender: string; now: string; text: string });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function run(label: string, roster: Roster, reps: number): void {
  const t0 = performance.now();
  const parser = createParser(roster);
  const build = performance.now() - t0;
  for (const l of lines) parser.parse({ text: l.text, senderId: l.sender, now: l.now }); // warm-up
  const times: number[] = [];
  const start = performance.now();
  for (let r = 0; r < reps; r++) {
    for (const l of lines) {
      const s = performance.now();
      parser.parse({ text: l.text, senderId: l.sender, now: l.now });
      times.push(performance.now() - s);
    }
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const q = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN).toFixed(3);
  console.log(
    `${label.padEnd(34)} build ${build.toFixed(0).padStart(6)} ms  ${String(Math.round((times.length / total) * 1000)).padStart(6)} msg/s  ` +
      `p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${(times[times.length - 1] ?? NaN).toFixed(2)} ms  rss ${mb(process.memoryUsage().rss)}`,
  );
}

const fixtures = readRosterDir(resolve(shared, "fixtures"));
const reps = Number(values.reps);
console.log(`replaying ${lines.length} dev messages x ${reps} on Node ${process.version}`);
run(`fixtures (${fixtures.retailers.length} shops, ${fixtures.products.length} products)`, fixtures, reps);
const big = generateRoster(fixtures, { shops: Number(values.shops), products: Number(values.products) });
run(`generated (${big.retailers.length} shops, ${big.products.length} products)`, big, reps);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
