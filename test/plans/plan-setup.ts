/** Shared set-up for plan tests: a real database loaded with the test roster, and visits written directly. */
import { randomUUID } from "node:crypto";
import { afterEach } from "vitest";
import { importRoster } from "../../src/roster/import-roster.js";
import { type Database, type Db, openDatabase } from "../../src/store/database.js";
import type { ScratchDatabase } from "../support/databases.js";
import { TEST_ROSTER } from "../support/fixtures.js";

const open: { database: Database; scratch: ScratchDatabase }[] = [];

/** Registers the after-each clean-up; call once per test file. */
export function closeDatabasesAfterEach(): void {
  afterEach(async () => {
    while (open.length) {
      const { database, scratch } = open.pop()!;
      await database.close();
      await scratch.drop();
    }
  });
}

export async function freshFixtures(create: () => Promise<ScratchDatabase>): Promise<Db> {
  const scratch = await create();
  const database = await openDatabase(scratch.url);
  open.push({ database, scratch });
  await importRoster(database.db, TEST_ROSTER);
  return database.db;
}

export interface VisitSpec {
  followUp?: string | null;
  followUpDone?: boolean;
  feedback?: boolean;
  feedbackText?: string | null;
  compliance?: boolean;
  complianceNote?: string | null;
  lines?: {
    kind: "stock" | "out_of_stock" | "listed" | "order";
    sku: string;
    qty?: number | null;
    unit?: string | null;
  }[];
  managerId?: string;
}

export async function logVisit(db: Db, retailerId: string, date: string, spec: VisitSpec = {}): Promise<string> {
  const shop = await db.retailer.findUniqueOrThrow({ where: { id: retailerId } });
  const id = randomUUID();
  await db.visit.create({
    data: {
      id,
      retailerId,
      managerId: spec.managerId ?? shop.managerId!,
      date,
      followUp: spec.followUp ?? null,
      followUpDone: spec.followUpDone ?? false,
      feedback: spec.feedback ?? false,
      feedbackText: spec.feedbackText ?? null,
      compliance: spec.compliance ?? false,
      complianceNote: spec.complianceNote ?? null,
      lines: {
        create: (spec.lines ?? []).map((l) => ({ kind: l.kind, sku: l.sku, qty: l.qty ?? null, unit: l.unit ?? null })),
      },
    },
  });
  return id;
}

/** Marks every shop of a manager visited on `date`, so only what a test changes is due. */
export async function visitEveryShop(db: Db, managerId: string, date: string): Promise<void> {
  const shops = await db.retailer.findMany({ where: { managerId }, select: { id: true } });
  for (const s of shops) await logVisit(db, s.id, date);
}
