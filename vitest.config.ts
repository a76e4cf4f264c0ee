import { defineConfig } from "vitest/config";
import { unitTestFiles } from "./test/support/unit-tests.js";

/** Tests that need no database, server or browser (see test/support/unit-tests.ts): `npm run test:unit`. */
const unit = unitTestFiles(import.meta.dirname);

export default defineConfig({
  test: {
    // Native modules (better-sqlite3) and real servers: separate processes are the safe choice.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // One module graph per worker (the parser is built once, not once per file): a unit test must
        // therefore leave module state, mocks and the environment as it found them.
        test: { name: "unit", include: unit, isolate: false },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: unit,
          // Only these need PostgreSQL and Chromium: check once that both are there.
          globalSetup: ["test/support/preflight.ts"],
        },
      },
    ],
  },
});
