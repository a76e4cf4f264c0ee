import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/preflight.ts"],
    // Native modules (better-sqlite3) and real servers: separate processes are the safe choice.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
