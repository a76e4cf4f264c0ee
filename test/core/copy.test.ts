import { describe, expect, it } from "vitest";
import { copyOf } from "../../src/core/copy.js";

describe("copyOf", () => {
  it("copies plain data deeply, as structuredClone does", () => {
    const data = {
      text: "张记便利店",
      n: 3,
      none: null,
      missing: undefined,
      flags: [true, false],
      nested: { list: [{ sku: "B001", qty: 2.5 }], when: new Date("2026-11-25T09:40:00Z") },
      byId: new Map([["R1", { name: "Sunrise" }]]),
      tags: new Set(["a", "b"]),
    };
    const copy = copyOf(data);
    expect(copy).toEqual(structuredClone(data));
    expect(Object.keys(copy)).toEqual(Object.keys(data));
    copy.nested.list[0]!.qty = 9;
    copy.flags.push(true);
    copy.byId.get("R1")!.name = "changed";
    copy.nested.when.setUTCFullYear(2000);
    expect(data.nested.list[0]?.qty).toBe(2.5);
    expect(data.flags).toEqual([true, false]);
    expect(data.byId.get("R1")?.name).toBe("Sunrise");
    expect(data.nested.when.getUTCFullYear()).toBe(2026);
  });

  it("keeps shared parts shared and cycles cycles, in the copy only", () => {
    const shop: { id: string; self?: unknown } = { id: "R1" };
    shop.self = shop;
    const data = { a: shop, b: [shop] };
    const copy = copyOf(data);
    expect(copy.a).not.toBe(shop);
    expect(copy.b[0]).toBe(copy.a);
    expect(copy.a.self).toBe(copy.a);
  });
});
