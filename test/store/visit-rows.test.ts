/**
 * Visits written and read with plain statements (store/visit-rows.ts) are the rows Prisma's models
 * read and write: every column, line and quantity the same, on SQLite and PostgreSQL, for a new
 * visit, a merge into it, an undo, and the promises an earlier visit made to the same shop.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { FormatVisit } from "../../src/domain/records.js";
import { RecordStore, type StoredVisit } from "../../src/store/record-store.js";
import { type ChatWorld, chatWorld } from "../support/chat.js";
import { PROVIDERS } from "../support/databases.js";

const VISIT: FormatVisit = {
  type: "visit",
  retailer: "R159",
  ambiguous: null,
  date: "2026-11-25",
  activities: ["stock_check", "order"],
  stock: [
    { sku: "B003", qty: 4, unit: "case" },
    { sku: "B001", qty: 2.5, unit: null },
    { sku: "B002", qty: null, unit: null },
  ],
  outOfStock: ["B004"],
  listed: ["B002"],
  orders: [{ sku: "B003", qty: 6, unit: "case" }],
  followUp: "2026-11-30",
  feedback: true,
  compliance: false,
};

const META = { managerId: "M07", messageId: null, confirmedById: "M07", note: "the owner said so" };

describe.each(PROVIDERS)("visits as plain statements on $name", ({ create }) => {
  let world: ChatWorld;
  afterEach(async () => world?.close());

  /** The visit as Prisma's models read it, in the record store's shape. */
  async function throughPrisma(id: string) {
    const row = await world.database.db.visit.findUniqueOrThrow({
      where: { id },
      include: { lines: { orderBy: { id: "asc" } } },
    });
    const { updatedAt: _u, confirmedAt: _c, confirmedById: _b, lines, ...columns } = row;
    return { ...columns, lines: lines.map(({ kind, sku, qty, unit }) => ({ kind, sku, qty, unit })) };
  }

  function asRow(visit: StoredVisit) {
    const line = (kind: string) => (l: { sku: string; qty?: number | null; unit?: string | null }) => ({
      kind,
      sku: l.sku,
      qty: l.qty ?? null,
      unit: l.unit ?? null,
    });
    return {
      id: visit.id,
      retailerId: visit.retailer,
      managerId: visit.managerId,
      date: visit.date,
      activities: JSON.stringify(visit.activities),
      followUp: visit.followUp,
      followUpDone: expect.any(Boolean),
      feedback: visit.feedback,
      feedbackText: visit.feedbackText,
      compliance: visit.compliance,
      complianceNote: visit.complianceNote,
      status: visit.status,
      messageId: visit.messageId,
      createdAt: visit.createdAt,
      lines: [
        ...visit.stock.map(line("stock")),
        ...visit.outOfStock.map((sku) => line("out_of_stock")({ sku })),
        ...visit.listed.map((sku) => line("listed")({ sku })),
        ...visit.orders.map(line("order")),
      ],
    };
  }

  it("stores a visit as Prisma reads it, and reads it back as it was stored", async () => {
    world = await chatWorld([], { database: create });
    const records = new RecordStore(world.database.db);
    const [created] = await records.createAll([VISIT], META);
    if (created?.type !== "visit") throw new Error("a visit is created");
    expect(created).toMatchObject({ ...VISIT, retailer: "R159", feedbackText: "the owner said so", status: "active" });
    expect(await throughPrisma(created.id)).toEqual(asRow(created));
    expect(await records.get("visit", created.id)).toEqual(created);
    expect(await records.sameDayVisit("M07", "R159", "2026-11-25")).toEqual(created);
    expect(await records.sameDayVisit("M07", "R159", "2026-11-26")).toBeNull();
    expect(await records.get("visit", "no-such-visit")).toBeNull();
  });

  it("merges into a visit, keeps its identity, and undoes the merge back to the stored facts", async () => {
    world = await chatWorld([], { database: create });
    const records = new RecordStore(world.database.db);
    const [created] = await records.createAll([{ ...VISIT, listed: [], orders: [], stock: [] }], META);
    if (created?.type !== "visit") throw new Error("a visit is created");
    const { merged } = await records.storeReport(
      [],
      [{ into: created, after: { ...VISIT, feedbackText: null, complianceNote: "no" } }],
      {
        ...META,
        note: null,
      },
    );
    const [after] = merged;
    if (after?.type !== "visit") throw new Error("a visit is merged into");
    expect(after).toMatchObject({
      id: created.id,
      createdAt: created.createdAt,
      stock: VISIT.stock,
      complianceNote: "no",
    });
    expect(await throughPrisma(created.id)).toEqual(asRow(after));
    expect(await records.get("visit", created.id)).toEqual(after);

    const [change] = await records.lastChangeBy("M07");
    if (!change) throw new Error("the merge is in effect");
    const reverted = await records.revert([change], { actorId: "M07", messageId: null });
    if (reverted === "changed_since") throw new Error("nothing changed since");
    expect(await throughPrisma(created.id)).toEqual(asRow(reverted[0]?.record as StoredVisit));
    expect(await records.get("visit", created.id)).toEqual(created);
  });

  it("marks the promises of earlier visits to the shop, due by the new visit's day, as kept", async () => {
    world = await chatWorld([], { database: create });
    const records = new RecordStore(world.database.db);
    const due = await records.createAll([{ ...VISIT, date: "2026-11-20", followUp: "2026-11-24" }], META);
    const later = await records.createAll([{ ...VISIT, date: "2026-11-21", followUp: "2026-12-01" }], META);
    const vague = await records.createAll([{ ...VISIT, date: "2026-11-22", followUp: "unspecified" }], META);
    const elsewhere = await records.createAll(
      [{ ...VISIT, retailer: "R151", date: "2026-11-20", followUp: "2026-11-24" }],
      META,
    );
    const [now] = await records.createAll([{ ...VISIT, followUp: "2026-11-28" }], META);
    const kept = async (visits: { id: string }[]) =>
      (await world.database.db.visit.findUniqueOrThrow({ where: { id: visits[0]?.id ?? "" } })).followUpDone;
    expect(await kept(due)).toBe(true);
    expect(await kept(later)).toBe(false);
    expect(await kept(vague)).toBe(false);
    expect(await kept(elsewhere)).toBe(false);
    expect(await kept([now as { id: string }])).toBe(false);
  });
});
