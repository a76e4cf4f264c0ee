/**
 * The fault suite (README: Guarantees): real server processes against SQLite and PostgreSQL, a local
 * fake Slack, kill -9. Prints each scenario's figures and exits 1 when a guarantee is broken.
 *   npm run chaos          the full figures (≈ 15 minutes)
 *   npm run chaos:short    a small version for CI (< 3 minutes; /healthz timing reported, not judged)
 */
import { parseArgs } from "node:util";
import { crash } from "./crash.js";
import { fuzz } from "./fuzz.js";
import { replay } from "./replay.js";
import { twoInstances } from "./two-instances.js";

const { values } = parseArgs({ options: { short: { type: "boolean", default: false } } });
const short = values.short;
const started = performance.now();
const failures: string[] = [];

if (short) {
  failures.push(...(await replay("sqlite", 200)));
  failures.push(...(await crash({ provider: "sqlite", channel: "web", reports: 60, kills: 1 })));
  failures.push(...(await crash({ provider: "postgresql", channel: "slack", reports: 60, kills: 1 })));
  failures.push(...(await twoInstances(8, 3, 500)));
  failures.push(...(await fuzz("sqlite", 200, false)));
  failures.push(...(await fuzz("postgresql", 200, false)));
} else {
  for (const provider of ["sqlite", "postgresql"] as const) failures.push(...(await replay(provider, 1000)));
  for (const provider of ["sqlite", "postgresql"] as const) {
    for (const channel of ["web", "slack"] as const) {
      failures.push(...(await crash({ provider, channel, reports: 300, kills: 3 })));
    }
  }
  failures.push(...(await twoInstances(32, 40, 2000)));
  for (const provider of ["sqlite", "postgresql"] as const) failures.push(...(await fuzz(provider, 5000)));
}

console.log(`\nchaos${short ? " (short)" : ""}: ${Math.round((performance.now() - started) / 1000)} s`);
if (failures.length) {
  console.log(`${failures.length} guarantee(s) broken:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("every guarantee held");
process.exit(0);
