/**
 * Visits and promotions as stored records: created from confirmed drafts, changed by corrections,
 * undone by "撤销". Every change leaves an audit entry (who, when, before, after).
 * Records go in and out in the FORMAT.md shape, so parser, LLM path and storage share one vocabulary.
 */
import { randomUUID } from "node:crypto";
import type {
  Activity,
  FormatPromotion,
  FormatStockLine,
  FormatVisit,
  PromotionFormat,
  Unit,
} from "../domain/records.js";
import type { Db } from "./database.js";

export type RecordKind = "visit" | "promotion";

interface StoredMeta {
  id: string;
  /** The manager the record belongs to. */
  managerId: string;
  messageId: string | null;
  status: "active" | "undone";
  createdAt: Date;
  note: string | null;
}

/** A visit as stored; `feedbackText` holds the owner's words (or the message, when they could not be told apart). */
export type StoredVisit = FormatVisit & StoredMeta & { retailer: string; feedbackText: string | null };

/** A record ready to store; a visit may carry the owner's feedback in their own words. */
export type NewRecord = (FormatVisit & { feedbackText?: string | null }) | FormatPromotion;
type StoredPromotion = FormatPromotion & StoredMeta;
export type StoredRecord = StoredVisit | StoredPromotion;

export interface NewRecordMeta {
  managerId: string;
  messageId: string | null;
  confirmedById: string;
  /** The owner's words or the flagged practice, kept for the supervisor (the message text). */
  note: string | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Db | Tx;

const VISIT_INCLUDE = { lines: { orderBy: { id: "asc" } } } as const;
const PROMOTION_INCLUDE = { lines: { orderBy: { id: "asc" } }, retailers: true } as const;

export class RecordStore {
  constructor(private readonly db: Db) {}

  /** Stores confirmed records of one message together: all or none. */
  async createAll(records: NewRecord[], meta: NewRecordMeta): Promise<StoredRecord[]> {
    return this.db.$transaction(async (tx) => {
      const ids: { kind: RecordKind; id: string }[] = [];
      for (const record of records) {
        const id = randomUUID();
        if (record.type === "visit") await createVisit(tx, id, record, meta);
        else await createPromotion(tx, id, record, meta);
        ids.push({ kind: record.type, id });
        await audit(tx, record.type, id, meta.confirmedById, "create", null, record);
      }
      const stored: StoredRecord[] = [];
      for (const { kind, id } of ids) stored.push(await loadWritten(tx, kind, id));
      return stored;
    });
  }

  async get(kind: RecordKind, id: string): Promise<StoredRecord | null> {
    return loadRecord(this.db, kind, id);
  }

  /** A record by the short reference shown on receipts (#3F2A9C01); null when unknown or not unique. */
  async byReference(reference: string): Promise<StoredRecord | null> {
    const prefix = reference.replace(/^#/, "").toLowerCase();
    if (!/^[0-9a-f]{6,36}$/.test(prefix)) return null;
    const visits = await this.db.visit.findMany({
      where: { id: { startsWith: prefix } },
      select: { id: true },
      take: 2,
    });
    const promotions = await this.db.promotion.findMany({
      where: { id: { startsWith: prefix } },
      select: { id: true },
      take: 2,
    });
    const [visit] = visits;
    const [promotion] = promotions;
    if (visits.length + promotions.length !== 1) return null;
    if (visit) return this.get("visit", visit.id);
    return promotion ? this.get("promotion", promotion.id) : null;
  }

  /** The active records created from a person's most recent reporting message. */
  async latestOf(managerId: string): Promise<StoredRecord[]> {
    const [visit, promotion] = await Promise.all([
      this.db.visit.findFirst({ where: { managerId, status: "active" }, orderBy: { createdAt: "desc" } }),
      this.db.promotion.findFirst({ where: { managerId, status: "active" }, orderBy: { createdAt: "desc" } }),
    ]);
    const newest = [visit, promotion]
      .filter((r): r is NonNullable<typeof r> => r !== null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (!newest) return [];
    const sameMessage = newest.messageId
      ? { managerId, status: "active", messageId: newest.messageId }
      : { id: newest.id };
    const [visits, promotions] = await Promise.all([
      this.db.visit.findMany({ where: sameMessage, include: VISIT_INCLUDE, orderBy: { createdAt: "asc" } }),
      this.db.promotion.findMany({ where: sameMessage, include: PROMOTION_INCLUDE, orderBy: { createdAt: "asc" } }),
    ]);
    return [...visits.map(toStoredVisit), ...promotions.map(toStoredPromotion)];
  }

  /** Replaces a record's facts with `after`, keeping the before/after pair in the audit trail. */
  async update(record: StoredRecord, after: FormatVisit | FormatPromotion, actorId: string): Promise<StoredRecord> {
    return this.db.$transaction(async (tx) => {
      if (after.type === "visit") {
        await tx.visitLine.deleteMany({ where: { visitId: record.id } });
        await tx.visit.update({
          where: { id: record.id },
          data: { ...visitColumns(after), lines: { create: visitLines(after) } },
        });
      } else {
        await tx.promotionLine.deleteMany({ where: { promotionId: record.id } });
        await tx.promotionRetailer.deleteMany({ where: { promotionId: record.id } });
        await tx.promotion.update({
          where: { id: record.id },
          data: {
            ...promotionColumns(after),
            lines: { create: promotionLines(after) },
            retailers: { create: after.retailers.map((retailerId) => ({ retailerId })) },
          },
        });
      }
      await audit(tx, after.type, record.id, actorId, "update", formatOf(record), after);
      return loadWritten(tx, after.type, record.id);
    });
  }

  /** Marks a record undone (kept for the audit trail, left out of plans and reports). */
  async undo(record: StoredRecord, actorId: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      if (record.type === "visit") await tx.visit.update({ where: { id: record.id }, data: { status: "undone" } });
      else await tx.promotion.update({ where: { id: record.id }, data: { status: "undone" } });
      await audit(tx, record.type, record.id, actorId, "undo", formatOf(record), null);
    });
  }

  async auditOf(kind: RecordKind, id: string) {
    return this.db.auditEntry.findMany({ where: { entity: kind, entityId: id }, orderBy: { id: "asc" } });
  }

  /** The latest active visits to a shop, newest first. */
  async visitsOfShop(retailerId: string, limit: number): Promise<StoredVisit[]> {
    const rows = await this.db.visit.findMany({
      where: { retailerId, status: "active" },
      include: VISIT_INCLUDE,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: limit,
    });
    return rows.map(toStoredVisit);
  }
}

/** The FORMAT.md shape of a stored record (what corrections edit and audits compare). */
export function formatOf(record: StoredRecord): FormatVisit | FormatPromotion {
  if (record.type === "visit") {
    const {
      id: _id,
      managerId: _m,
      messageId: _msg,
      status: _s,
      createdAt: _c,
      note: _n,
      feedbackText: _f,
      ...visit
    } = record;
    return visit;
  }
  const { id: _id, managerId: _m, messageId: _msg, status: _s, createdAt: _c, note: _n, ...promotion } = record;
  return promotion;
}

async function createVisit(
  tx: Tx,
  id: string,
  v: FormatVisit & { feedbackText?: string | null },
  meta: NewRecordMeta,
): Promise<void> {
  const columns = visitColumns(v);
  await tx.visit.create({
    data: {
      id,
      ...columns,
      managerId: meta.managerId,
      messageId: meta.messageId,
      confirmedById: meta.confirmedById,
      confirmedAt: new Date(),
      feedbackText: v.feedback ? (v.feedbackText ?? meta.note) : null,
      complianceNote: v.compliance ? meta.note : null,
      lines: { create: visitLines(v) },
    },
  });
  // A visit keeps the promises made at earlier visits to the same shop.
  await tx.visit.updateMany({
    where: {
      retailerId: columns.retailerId,
      followUpDone: false,
      followUp: { not: null, lte: v.date },
      id: { not: id },
    },
    data: { followUpDone: true },
  });
}

async function createPromotion(tx: Tx, id: string, p: FormatPromotion, meta: NewRecordMeta): Promise<void> {
  await tx.promotion.create({
    data: {
      id,
      ...promotionColumns(p),
      managerId: meta.managerId,
      messageId: meta.messageId,
      confirmedById: meta.confirmedById,
      confirmedAt: new Date(),
      lines: { create: promotionLines(p) },
      retailers: { create: p.retailers.map((retailerId) => ({ retailerId })) },
    },
  });
}

function visitColumns(v: FormatVisit) {
  if (!v.retailer) throw new Error("a visit is stored only once its shop is known");
  return {
    retailerId: v.retailer,
    date: v.date,
    activities: JSON.stringify(v.activities),
    followUp: v.followUp,
    feedback: v.feedback,
    compliance: v.compliance,
  };
}

function visitLines(v: FormatVisit) {
  return [
    ...v.stock.map((l) => ({ kind: "stock", ...l })),
    ...v.outOfStock.map((sku) => ({ kind: "out_of_stock", sku })),
    ...v.listed.map((sku) => ({ kind: "listed", sku })),
    ...v.orders.map((l) => ({ kind: "order", ...l })),
  ];
}

function promotionColumns(p: FormatPromotion) {
  return { date: p.date, format: p.format, consumers: p.consumers, durationMinutes: p.durationMinutes };
}

function promotionLines(p: FormatPromotion) {
  return [...p.skus.map((sku) => ({ kind: "sku", sku })), ...p.sales.map((l) => ({ kind: "sale", ...l }))];
}

async function audit(
  tx: Tx,
  entity: RecordKind,
  entityId: string,
  actorId: string,
  action: "create" | "update" | "undo",
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      entity,
      entityId,
      actorId,
      action,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
    },
  });
}

async function loadRecord(client: Client, kind: RecordKind, id: string): Promise<StoredRecord | null> {
  if (kind === "visit") {
    const row = await client.visit.findUnique({ where: { id }, include: VISIT_INCLUDE });
    return row ? toStoredVisit(row) : null;
  }
  const row = await client.promotion.findUnique({ where: { id }, include: PROMOTION_INCLUDE });
  return row ? toStoredPromotion(row) : null;
}

/** A record just written in the same transaction: it is there, or the transaction is broken. */
async function loadWritten(client: Client, kind: RecordKind, id: string): Promise<StoredRecord> {
  const record = await loadRecord(client, kind, id);
  if (!record) throw new Error(`${kind} ${id} is missing right after it was written`);
  return record;
}

interface LineRow {
  kind: string;
  sku: string;
  qty: number | null;
  unit: string | null;
}

const lineOf = (l: LineRow): FormatStockLine => ({ sku: l.sku, qty: l.qty, unit: l.unit as Unit | null });

function toStoredVisit(row: {
  id: string;
  retailerId: string;
  managerId: string;
  date: string;
  activities: string;
  followUp: string | null;
  feedback: boolean;
  compliance: boolean;
  feedbackText: string | null;
  complianceNote: string | null;
  status: string;
  messageId: string | null;
  createdAt: Date;
  lines: LineRow[];
}): StoredVisit {
  const of = (kind: string) => row.lines.filter((l) => l.kind === kind);
  return {
    type: "visit",
    id: row.id,
    managerId: row.managerId,
    messageId: row.messageId,
    status: row.status as StoredVisit["status"],
    createdAt: row.createdAt,
    note: row.complianceNote ?? row.feedbackText,
    feedbackText: row.feedbackText,
    retailer: row.retailerId,
    ambiguous: null,
    date: row.date,
    activities: JSON.parse(row.activities) as Activity[],
    stock: of("stock").map(lineOf),
    outOfStock: of("out_of_stock").map((l) => l.sku),
    listed: of("listed").map((l) => l.sku),
    orders: of("order").map(lineOf),
    followUp: row.followUp as FormatVisit["followUp"],
    feedback: row.feedback,
    compliance: row.compliance,
  };
}

function toStoredPromotion(row: {
  id: string;
  managerId: string;
  date: string;
  format: string;
  consumers: number | null;
  durationMinutes: number | null;
  status: string;
  messageId: string | null;
  createdAt: Date;
  lines: LineRow[];
  retailers: { retailerId: string }[];
}): StoredPromotion {
  return {
    type: "promotion",
    id: row.id,
    managerId: row.managerId,
    messageId: row.messageId,
    status: row.status as StoredPromotion["status"],
    createdAt: row.createdAt,
    note: null,
    retailers: row.retailers.map((r) => r.retailerId).sort(),
    date: row.date,
    skus: row.lines.filter((l) => l.kind === "sku").map((l) => l.sku),
    format: row.format as PromotionFormat,
    consumers: row.consumers,
    durationMinutes: row.durationMinutes,
    sales: row.lines.filter((l) => l.kind === "sale").map(lineOf),
  };
}
