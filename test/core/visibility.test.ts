/** The one rule of who may see and change whose records (core/visibility.ts), as its table. */
import { describe, expect, it } from "vitest";
import { mayReach, type Reach } from "../../src/core/visibility.js";
import type { Person } from "../../src/domain/roster.js";

const person = (id: string, role: Person["role"], team: string | null, supervisorId: string | null = null) => ({
  id,
  role,
  team,
  supervisorId,
});

/** The viewers, each on team A. */
const VIEWERS = {
  manager: person("M1", "manager", "A", "S1"),
  supervisor: person("S1", "supervisor", "A"),
  admin: person("X1", "admin", "A"),
};

type Viewer = keyof typeof VIEWERS;
type Owner = "self" | "teammate" | "other team" | "supervised by";

/** Whose records: the viewer's own, a teammate's, another team's, or those of someone on another team the viewer supervises. */
function ownerFor(viewer: Viewer, owner: Owner) {
  const v = VIEWERS[viewer];
  switch (owner) {
    case "self":
      return v;
    case "teammate":
      return person("M2", "manager", "A", "S1");
    case "other team":
      return person("M3", "manager", "B", "S2");
    case "supervised by":
      return person("M4", "manager", "B", v.id);
  }
}

describe("who may reach whose shops and records", () => {
  // viewer × owner → [shop, records]
  it.each([
    ["manager", "self", true, true],
    ["manager", "teammate", true, false],
    ["manager", "other team", false, false],
    ["manager", "supervised by", false, false],
    ["supervisor", "self", true, true],
    ["supervisor", "teammate", true, true],
    ["supervisor", "other team", false, false],
    ["supervisor", "supervised by", true, true],
    ["admin", "self", true, true],
    ["admin", "teammate", true, true],
    ["admin", "other team", true, true],
    ["admin", "supervised by", true, true],
  ] as const)("a %s reaching %s: shop %s, records %s", (viewer, owner, shop, records) => {
    const reach = (what: Reach) => mayReach(VIEWERS[viewer], ownerFor(viewer, owner), what);
    expect({ shop: reach("shop"), records: reach("records") }).toEqual({ shop, records });
  });

  it("gives someone without a team only their own, unless they supervise or administer", () => {
    const loner = person("M9", "manager", null);
    expect(mayReach(loner, person("M8", "manager", null), "shop")).toBe(false);
    expect(mayReach(person("S9", "supervisor", null), person("M8", "manager", null, "S9"), "records")).toBe(true);
    expect(mayReach(person("X9", "admin", null), person("M8", "manager", "Z"), "records")).toBe(true);
  });
});
