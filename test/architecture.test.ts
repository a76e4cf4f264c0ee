/**
 * The habits that keep the code easy to extend, checked on every run: reply wording only in the
 * locale folders, Prisma only in the stores and `*-queries.ts` files, platform SDKs only in their
 * channel folder.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated") return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(name) ? [relative(SRC, path)] : [];
  });
}

const files = sources(SRC);
const offenders = (pattern: RegExp, allowed: (file: string) => boolean) =>
  files.filter((file) => !allowed(file) && pattern.test(readFileSync(join(SRC, file), "utf8")));

describe("architecture", () => {
  it("keeps language choices in the locale folders", () => {
    expect(offenders(/lang === "zh"|=== "en"|\bzh \? /, (f) => f.startsWith("locales/"))).toEqual([]);
  });

  it("calls Prisma only from store/ and *-queries.ts files", () => {
    const prisma =
      /\bdb\.[a-zA-Z]+\.(?:find|create|update|upsert|delete|count|aggregate|groupBy)\w*\(|\$(?:queryRaw|executeRaw|transaction)\b/;
    expect(offenders(prisma, (f) => f.startsWith("store/") || f.endsWith("-queries.ts"))).toEqual([]);
  });

  it("imports a platform SDK only in its channel folder", () => {
    expect(offenders(/from "@slack\/bolt"/, (f) => f.startsWith("channels/slack/"))).toEqual([]);
    expect(offenders(/from "wechaty/, (f) => f.startsWith("channels/wechat/"))).toEqual([]);
  });
});
