/**
 * `npm run build`: compiles src/ into dist/ with tsc (ESM and source maps, the generated Prisma
 * clients included) and copies what tsc does not: the web chat's page. dist/ runs with plain node
 * from the project folder, which holds the migrations (prisma/), the demo data and the prompts.
 *
 * `--no-check` skips type checking (tsc --noCheck): `npm test` has just type-checked everything.
 */
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dist = resolve(root, "dist");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const check = !process.argv.includes("--no-check");

const started = performance.now();
// From scratch: a module removed from src/ must not linger in dist/.
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", resolve(root, "tsconfig.build.json"), ...(check ? [] : ["--noCheck"])], {
  stdio: "inherit",
});
cpSync(resolve(root, "src/channels/web/public"), resolve(dist, "channels/web/public"), { recursive: true });
process.stdout.write(
  `dist/ built in ${((performance.now() - started) / 1000).toFixed(1)} s${check ? "" : " (not type-checked)"}\n`,
);
