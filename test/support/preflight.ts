/**
 * Runs once before the integration tests (vitest.config.ts): they use a real PostgreSQL server,
 * Debian's Chromium and ffmpeg (test audio and photos), and a missing one should fail fast with the
 * fix, not as a hundred connection errors. The unit tests (`npm run test:unit`) need neither and run without this check.
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import pg from "pg";
import { PG_ADMIN_URL } from "./databases.js";

export default async function preflight(): Promise<void> {
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    problems.push(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(error as Error).message}).`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) problems.push(`Chromium is missing at ${chromium} (apt-get install chromium).`);
  if (!onPath("ffmpeg"))
    problems.push("ffmpeg is missing (apt-get install ffmpeg): the voice and photo tests make their media with it.");
  if (problems.length) {
    throw new Error(`${problems.join("\n")}\nRun \`bash .ci/run\` once: it installs and starts what the tests need.`);
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}
