import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedPostgresSchema, POSTGRES_SCHEMA, postgresSchemaFrom } from "../../scripts/db/schemas.js";

describe("the PostgreSQL schema", () => {
  it("is exactly what npm run db:sync derives from prisma/schema.prisma", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(expectedPostgresSchema());
  });

  it("changes provider and client output, and refuses a schema it cannot rewrite", () => {
    const derived = postgresSchemaFrom(readFileSync("prisma/schema.prisma", "utf8"));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain("src/generated/prisma-pg");
    expect(() => postgresSchemaFrom("model A { id Int @id }")).toThrow(/db:sync/);
  });
});
