/**
 * Start-up times: `cli --help`, a one-line `cli parse` (fresh temporary database, the test roster
 * imported, one message parsed) and the bot until "Fieldmate is ready", in development (tsx) and
 * production (plain node on dist/, `npm run build` first). Each is run several times as a fresh
 * process; the median and the fastest are printed. Target for the production cli: ≤ 1 s.
 *
 *   npx tsx scripts/bench/startup.ts [--runs 5]
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
if (!existsSync(join(root, "dist/cli/main.js"))) {
  process.stderr.write("dist/ is missing: run `npm run build` first\n");
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), "fieldmate-startup-"));
const input = join(scratch, "one.jsonl");
writeFileSync(
  input,
  `${JSON.stringify({ id: "1", sender: "M02", now: "2026-11-25T17:40:00+08:00", text: "今天去了张记便利店,软中华断货了" })}\n`,
);
const tsx = join(root, "node_modules/.bin/tsx");
const node = process.execPath;
const env = { ...process.env, LOG_LEVEL: "silent", DATABASE_URL: `file:${join(scratch, "cli.db")}` };

/** Wall time of a command run to its end, ms. */
function timed(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return performance.now() - started;
}

/** Wall time until the bot logs that it is ready (then it is stopped), ms. */
async function untilReady(command: string, args: string[], n: number): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...env,
      LOG_LEVEL: "info",
      PORT: "0",
      DATABASE_URL: `file:${join(scratch, `app-${n}.db`)}`,
      LOAD_DEMO_DATA: "false",
      SCHEDULER: "false",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolveTime, reject) => {
    let ready: number | null = null;
    child.stdout.on("data", (chunk: Buffer) => {
      if (ready !== null || !chunk.toString().includes("Fieldmate is ready")) return;
      ready = performance.now() - started;
      child.kill("SIGTERM");
    });
    child.once("exit", (code) =>
      ready === null
        ? reject(new Error(`${command} ${args.join(" ")} exited ${code} before ready`))
        : resolveTime(ready),
    );
  });
}

const cases: { name: string; measure: (n: number) => number | Promise<number> }[] = [
  { name: "cli --help, dev (tsx src/cli/main.ts)", measure: () => timed(tsx, ["src/cli/main.ts", "--help"]) },
  { name: "cli --help, prod (node dist/cli/main.js)", measure: () => timed(node, ["dist/cli/main.js", "--help"]) },
  {
    name: "cli parse, one line, dev",
    measure: () => timed(tsx, ["src/cli/main.ts", "parse", "--fixtures", "test/fixtures/roster", "--input", input]),
  },
  {
    name: "cli parse, one line, prod",
    measure: () => timed(node, ["dist/cli/main.js", "parse", "--fixtures", "test/fixtures/roster", "--input", input]),
  },
  { name: "bot until ready, dev (npm start's tsx)", measure: (n) => untilReady(tsx, ["src/main.ts"], n) },
  { name: "bot until ready, prod (npm run start:prod)", measure: (n) => untilReady(node, ["dist/main.js"], n) },
];

const npmHelp = timed("npm", ["run", "-s", "cli", "--", "--help"]);
const load = () => loadavg()[0]!.toFixed(1);
process.stdout.write(`Start-up, ${runs} fresh processes each (Node ${process.version}, load average ${load()}):\n`);
for (const { name, measure } of cases) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measure(i));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  process.stdout.write(`  ${name.padEnd(48)} median ${fmt(median)}  fastest ${fmt(times[0] ?? 0)}\n`);
}
process.stdout.write(
  `  (npm run -s cli -- --help adds npm's own start: ${fmt(npmHelp)} once; load average now ${load()})\n`,
);

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
