/**
 * Which test files are unit tests: those that need neither a database, nor a server, nor a browser,
 * so `npm run test:unit` runs them in seconds without PostgreSQL or Chromium. A test gets those only
 * through the modules below, so a file is a unit test when neither it nor any test helper it imports
 * (following relative imports inside test/) imports one of them. No list to keep by hand.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Module specifiers whose import makes a test need more than the process it runs in. */
const NEEDS_MORE_THAN_A_PROCESS = [
  /\/test\/support\/databases\.ts$/, // a real SQLite file or PostgreSQL database
  /\/src\/store\/database\.ts$/, // opens one
  /^node:https?$/, // a real server or client on a port
  /\/src\/channels\/web\/web-server\.ts$/, // the web chat's server, listening on a port
  /^playwright/, // Chromium
];

/** `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`; group 1 is `type` in a type-only import. */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)(\s+type)?\s(?:[^;]*?from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The modules a file loads when it runs (type-only imports are erased). */
function importsOf(file: string): string[] {
  const code = readFileSync(file, "utf8");
  return [...code.matchAll(IMPORT)].filter((m) => !m[1]).map((m) => (m[2] ?? m[3])!);
}

/** A relative specifier as the .ts file it names (imports say .js, as Node resolves them). */
function resolveRelative(from: string, specifier: string): string {
  const path = resolve(dirname(from), specifier);
  const ts = path.replace(/\.js$/, ".ts");
  return existsSync(ts) ? ts : path;
}

function needsMore(file: string, testDir: string, seen: Map<string, boolean>): boolean {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, false); // an import cycle adds nothing new
  let result = false;
  for (const specifier of importsOf(file)) {
    const target = specifier.startsWith(".") ? resolveRelative(file, specifier) : specifier;
    if (NEEDS_MORE_THAN_A_PROCESS.some((pattern) => pattern.test(target))) result = true;
    else if (target.startsWith(testDir) && target.endsWith(".ts") && existsSync(target))
      result = needsMore(target, testDir, seen);
    if (result) break;
  }
  seen.set(file, result);
  return result;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The unit test files under `root`/test, relative to `root`. */
export function unitTestFiles(root: string): string[] {
  const testDir = join(root, "test");
  const seen = new Map<string, boolean>();
  return testFiles(testDir)
    .filter((file) => !needsMore(file, testDir, seen))
    .map((file) => relative(root, file))
    .sort();
}
