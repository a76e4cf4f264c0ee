/**
 * Visits and promotions as stored records: created from confirmed drafts, changed by corrections and
 * by a second report of the same shop and day, taken back by "撤销". Every change leaves an audit
 * entry (who, by which message, before, after), and undo works from that trail: it reverts the last
 * change still in effect, and withdraws a record only when its creation was that change.
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
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./database.js";
import { providerOfClient } from "./outbox-store.js";
import { plainExecute } from "./plain-statements.js";
import { rawTime } from "./raw-time.js";
import {
  insertVisit,
  keepFollowUps,
  type LineRow,
  readSameDayVisit,
  readVisit,
  updateVisit,
  type VisitRow,
} from "./visit-rows.js";

export type RecordKind = "visit" | "promotion";

interface StoredMeta {
  id: string;
  /** The manager the record belongs to. */
  managerId: string;
  messageId: string | null;
  status: "active" | "undone";
  createdAt: Date;
}

/**
 * A visit as stored; `feedbackText` holds the owner's words (or the message, when they could not be
 * told apart), `complianceNote` the message that mentioned a forbidden practice.
 */
export type StoredVisit = FormatVisit &
  StoredMeta & { retailer: string; feedbackText: string | null; complianceNote: string | null };

/** A record ready to store; a visit may carry the owner's feedback in their own words. */
export type NewRecord = (FormatVisit & { feedbackText?: string | null }) | FormatPromotion;
type StoredPromotion = FormatPromotion & StoredMeta;
export type StoredRecord = StoredVisit | StoredPromotion;

/** What an audit entry keeps of a record: its facts, and for a visit the words kept beside them. */
export type Snapshot = (FormatVisit & { feedbackText: string | null; complianceNote: string | null }) | FormatPromotion;

/** Who changes a record, and by which inbound message. */
export interface ChangeMeta {
  actorId: string;
  messageId: string | null;
}

/** The actions that change a record's facts, and so can be taken back by undo. */
const CHANGES = ["create", "update", "merge"] as const;
type ChangeAction = (typeof CHANGES)[number];
type AuditAction = ChangeAction | "revert" | "undo";

/** One change still in effect: an audit entry no later entry took back, on a record still active. */
export interface Change {
  entryId: number;
  kind: RecordKind;
  recordId: string;
  action: ChangeAction;
  messageId: string | null;
  before: Snapshot | null;
  after: Snapshot;
}

/** What undo did to one record: its facts restored, or the record withdrawn (its creation was the change). */
export interface Reverted {
  record: StoredRecord;
  withdrawn: boolean;
}

/** How far back a person's own changes are looked for; undo goes back one message at a time. */
const RECENT_CHANGES = 50;

export interface NewRecordMeta {
  managerId: string;
  messageId: string | null;
  confirmedById: string;
  /** The owner's words or the flagged practice, kept for the supervisor (the message text). */
  note: string | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Db | Tx;
type AuditRow = Awaited<ReturnType<Db["auditEntry"]["findMany"]>>[number];

const VISIT_INCLUDE = { lines: { orderBy: { id: "asc" } } } as const;
const PROMOTION_INCLUDE = { lines: { orderBy: { id: "asc" } }, retailers: true } as const;

export class RecordStore {
  constructor(private readonly db: Db) {}

  /** Stores confirmed records of one message together: all or none. */
  async createAll(records: NewRecord[], meta: NewRecordMeta): Promise<StoredRecord[]> {
    return (await this.storeReport(records, [], meta)).created;
  }

  /**
   * Stores what one report adds, all or none: new records, and the facts merged into visits already
   * logged for the same shop and day (audited as "merge", so undo takes them back out).
   */
  async storeReport(
    records: NewRecord[],
    merges: { into: StoredRecord; after: Snapshot }[],
    meta: NewRecordMeta,
  ): Promise<{ created: StoredRecord[]; merged: StoredRecord[] }> {
    return this.db.$transaction(async (tx) => {
      const change = { actorId: meta.confirmedById, messageId: meta.messageId };
      const merged: StoredRecord[] = [];
      for (const { into, after } of merges) merged.push(await updateIn(tx, into, after, change, "merge"));
      const created: StoredRecord[] = [];
      for (const record of records) {
        const id = randomUUID();
        // The created row comes back with its lines: no second read of what was just written.
        const written =
          record.type === "visit"
            ? await createVisit(tx, id, record, meta)
            : await createPromotion(tx, id, record, meta);
        await audit(tx, written, change, { action: "create", before: null, after: snapshotOf(written) });
        created.push(written);
      }
      return { created, merged };
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

  /** The active visit a manager already logged for a shop on a day, if any (a second report adds to it). */
  async sameDayVisit(managerId: string, retailerId: string, date: string): Promise<StoredVisit | null> {
    const row = await readSameDayVisit(this.db, managerId, retailerId, date);
    return row ? toStoredVisit(row) : null;
  }

  /**
   * Replaces a record's facts with `after` (a visit's words are kept unless `after` carries its own),
   * keeping the before/after pair in the audit trail. `merge` marks a second report of the same visit.
   */
  async update(
    record: StoredRecord,
    after: FormatVisit | FormatPromotion | Snapshot,
    by: string | (ChangeMeta & { action?: "update" | "merge" }),
  ): Promise<StoredRecord> {
    const change = typeof by === "string" ? { actorId: by, messageId: null } : by;
    const action = "action" in change ? (change.action ?? "update") : "update";
    return this.db.$transaction((tx) => updateIn(tx, record, after, change, action));
  }

  /**
   * The records a person changed last (one message may create or change several): what a correction
   * without a reference applies to. Empty when nothing they changed is still in effect.
   */
  async lastTouchedBy(actorId: string): Promise<StoredRecord[]> {
    const records: StoredRecord[] = [];
    for (const change of await this.lastChangeBy(actorId)) {
      const record = await this.get(change.kind, change.recordId);
      if (record) records.push(record);
    }
    return records;
  }

  /** A person's last change still in effect: every entry of their most recent message that changed records. */
  async lastChangeBy(actorId: string): Promise<Change[]> {
    const recent = await this.db.auditEntry.findMany({
      where: { actorId, action: { in: [...CHANGES] } },
      orderBy: { id: "desc" },
      take: RECENT_CHANGES,
    });
    // A message's entries are written together, so its group ends at the first entry of another message.
    const live = await this.inEffect(recent, (found, next) => {
      const [newest] = found;
      return !newest || (newest.messageId !== null && next.messageId === newest.messageId);
    });
    return live.reverse();
  }

  /** A record's last change still in effect, whoever made it. */
  async lastChangeOf(kind: RecordKind, id: string): Promise<Change | null> {
    const entries = await this.db.auditEntry.findMany({
      where: { entity: kind, entityId: id, action: { in: [...CHANGES] } },
      orderBy: { id: "desc" },
    });
    return (await this.inEffect(entries, (found) => found.length === 0))[0] ?? null;
  }

  /**
   * Takes changes back, all or none: a creation withdraws its record (status undone, kept for the
   * audit trail), an update or a merge restores the record as it was before. "changed_since" when a
   * record was changed again after the change: undo goes back one step at a time, newest first.
   */
  async revert(changes: Change[], meta: ChangeMeta): Promise<Reverted[] | "changed_since"> {
    try {
      return await this.db.$transaction(async (tx) => {
        const done: Reverted[] = [];
        for (const change of changes) done.push(await revertOne(tx, change, meta));
        return done;
      });
    } catch (error) {
      if (error instanceof ChangedSince) return "changed_since";
      throw error;
    }
  }

  /** Withdraws a record outright, whatever changed it since (an admin's or a seed's undo; the chat uses `revert`). */
  async undo(record: StoredRecord, actorId: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const created = await tx.auditEntry.findFirst({
        where: { entity: record.type, entityId: record.id, action: "create" },
        select: { id: true },
      });
      if (record.type === "visit") await tx.visit.update({ where: { id: record.id }, data: { status: "undone" } });
      else await tx.promotion.update({ where: { id: record.id }, data: { status: "undone" } });
      await audit(
        tx,
        record,
        { actorId, messageId: null },
        { action: "undo", before: snapshotOf(record), after: null, reverts: created?.id },
      );
    });
  }

  /** Every record of a kind, in id order, a page at a time (`after`: the last id of the previous page). */
  async page(kind: RecordKind, after: string | null, take: number): Promise<StoredRecord[]> {
    const where = after ? { id: { gt: after } } : {};
    if (kind === "visit") {
      const rows = await this.db.visit.findMany({ where, include: VISIT_INCLUDE, orderBy: { id: "asc" }, take });
      return rows.map(toStoredVisit);
    }
    const rows = await this.db.promotion.findMany({ where, include: PROMOTION_INCLUDE, orderBy: { id: "asc" }, take });
    return rows.map(toStoredPromotion);
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

  /**
   * The entries among `entries` (newest first) that no later entry took back, on records still
   * active, walked while `more(found, next)` says the next entry may still belong.
   */
  private async inEffect(entries: AuditRow[], more: (found: Change[], next: AuditRow) => boolean): Promise<Change[]> {
    if (!entries.length) return [];
    const takenBack = await this.db.auditEntry.findMany({
      where: { reverts: { in: entries.map((e) => e.id) } },
      select: { reverts: true },
    });
    const reverted = new Set(takenBack.map((e) => e.reverts));
    const changes: Change[] = [];
    for (const entry of entries) {
      if (!more(changes, entry)) break;
      if (reverted.has(entry.id) || !entry.after) continue;
      const kind = entry.entity as RecordKind;
      if (!(await this.isActive(kind, entry.entityId))) continue;
      changes.push({
        entryId: entry.id,
        kind,
        recordId: entry.entityId,
        action: entry.action as ChangeAction,
        messageId: entry.messageId,
        before: entry.before ? (JSON.parse(entry.before) as Snapshot) : null,
        after: JSON.parse(entry.after) as Snapshot,
      });
    }
    return changes;
  }

  private async isActive(kind: RecordKind, id: string): Promise<boolean> {
    const where = { id, status: "active" };
    const count = kind === "visit" ? await this.db.visit.count({ where }) : await this.db.promotion.count({ where });
    return count > 0;
  }
}

async function updateIn(
  tx: Tx,
  record: StoredRecord,
  after: FormatVisit | FormatPromotion | Snapshot,
  change: ChangeMeta,
  action: "update" | "merge",
): Promise<StoredRecord> {
  // The record as it is inside the transaction: the audit's "before" must be what was really replaced.
  const current = await loadWritten(tx, record.type, record.id);
  const before = snapshotOf(current);
  const written = await writeFacts(tx, current, withWords(before, after));
  await audit(tx, written, change, { action, before, after: snapshotOf(written) });
  return written;
}

/** Thrown inside undo's transaction to roll it back when a record changed after the change to undo. */
class ChangedSince extends Error {}

async function revertOne(tx: Tx, change: Change, meta: ChangeMeta): Promise<Reverted> {
  const record = await loadRecord(tx, change.kind, change.recordId);
  // Only the record's newest change still in effect can be taken back: later ones come first.
  const later = await tx.auditEntry.findMany({
    where: { entity: change.kind, entityId: change.recordId, action: { in: [...CHANGES] }, id: { gt: change.entryId } },
    select: { id: true },
  });
  const takenBack = await tx.auditEntry.count({ where: { reverts: { in: later.map((e) => e.id) } } });
  if (record?.status !== "active" || takenBack < later.length) throw new ChangedSince();
  const current = snapshotOf(record);
  if (change.action === "create") {
    if (record.type === "visit") await tx.visit.update({ where: { id: record.id }, data: { status: "undone" } });
    else await tx.promotion.update({ where: { id: record.id }, data: { status: "undone" } });
    await audit(tx, record, meta, { action: "undo", before: current, after: null, reverts: change.entryId });
    return { record: { ...record, status: "undone" }, withdrawn: true };
  }
  if (!change.before) throw new ChangedSince();
  const restored = await writeFacts(tx, record, change.before);
  await audit(tx, restored, meta, {
    action: "revert",
    before: current,
    after: snapshotOf(restored),
    reverts: change.entryId,
  });
  return { record: restored, withdrawn: false };
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
      feedbackText: _f,
      complianceNote: _n,
      ...visit
    } = record;
    return visit;
  }
  const { id: _id, managerId: _m, messageId: _msg, status: _s, createdAt: _c, ...promotion } = record;
  return promotion;
}

/** What the audit trail keeps of a stored record. */
export function snapshotOf(record: StoredRecord): Snapshot {
  const facts = formatOf(record);
  if (record.type !== "visit") return facts as FormatPromotion;
  return { ...(facts as FormatVisit), feedbackText: record.feedbackText, complianceNote: record.complianceNote };
}

/** `after` with the visit's words from `before` where `after` does not carry its own. */
function withWords(before: Snapshot, after: FormatVisit | FormatPromotion | Snapshot): Snapshot {
  if (after.type !== "visit" || before.type !== "visit") return after as Snapshot;
  const words = after as Partial<Snapshot & { type: "visit" }>;
  return {
    ...after,
    feedbackText: words.feedbackText !== undefined ? words.feedbackText : before.feedbackText,
    complianceNote: words.complianceNote !== undefined ? words.complianceNote : before.complianceNote,
  };
}

/**
 * Writes a record's facts over what it held (lines replaced); its identity and status stay. Returns
 * the record as written: a visit as its statements wrote it, a promotion read back by the same call.
 */
async function writeFacts(tx: Tx, record: StoredRecord, facts: Snapshot): Promise<StoredRecord> {
  const { id } = record;
  if (facts.type === "visit") {
    const columns = { ...visitColumns(facts), feedbackText: facts.feedbackText, complianceNote: facts.complianceNote };
    const lines = visitLines(facts);
    await updateVisit(tx, id, columns, lines);
    return toStoredVisit({
      ...columns,
      id,
      managerId: record.managerId,
      messageId: record.messageId,
      status: record.status,
      createdAt: record.createdAt,
      lines,
    });
  }
  await tx.promotionLine.deleteMany({ where: { promotionId: id } });
  await tx.promotionRetailer.deleteMany({ where: { promotionId: id } });
  const row = await tx.promotion.update({
    where: { id },
    data: {
      ...promotionColumns(facts),
      lines: { create: promotionLines(facts) },
      retailers: { create: facts.retailers.map((retailerId) => ({ retailerId })) },
    },
    include: PROMOTION_INCLUDE,
  });
  return toStoredPromotion(row);
}

async function createVisit(
  tx: Tx,
  id: string,
  v: FormatVisit & { feedbackText?: string | null },
  meta: NewRecordMeta,
): Promise<StoredVisit> {
  const columns = visitColumns(v);
  const row = await insertVisit(
    tx,
    {
      id,
      ...columns,
      managerId: meta.managerId,
      messageId: meta.messageId,
      confirmedById: meta.confirmedById,
      feedbackText: v.feedback ? (v.feedbackText ?? meta.note) : null,
      complianceNote: v.compliance ? meta.note : null,
    },
    visitLines(v),
  );
  // A visit keeps the promises made at earlier visits to the same shop.
  await keepFollowUps(tx, columns.retailerId, v.date, id);
  return toStoredVisit(row);
}

async function createPromotion(tx: Tx, id: string, p: FormatPromotion, meta: NewRecordMeta): Promise<StoredPromotion> {
  const row = await tx.promotion.create({
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
    include: PROMOTION_INCLUDE,
  });
  return toStoredPromotion(row);
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

/** A visit's lines in the order they are stored (and read back). */
function visitLines(v: FormatVisit): LineRow[] {
  const line = (kind: string, l: { sku: string; qty?: number | null; unit?: string | null }): LineRow => ({
    kind,
    sku: l.sku,
    qty: l.qty ?? null,
    unit: l.unit ?? null,
  });
  return [
    ...v.stock.map((l) => line("stock", l)),
    ...v.outOfStock.map((sku) => line("out_of_stock", { sku })),
    ...v.listed.map((sku) => line("listed", { sku })),
    ...v.orders.map((l) => line("order", l)),
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
  record: StoredRecord,
  change: ChangeMeta,
  entry: { action: AuditAction; before: Snapshot | null; after: Snapshot | null; reverts?: number },
): Promise<void> {
  // One plain INSERT, nothing read back: every report and change writes one.
  const before = entry.before === null ? null : JSON.stringify(entry.before);
  const after = entry.after === null ? null : JSON.stringify(entry.after);
  const at = rawTime(providerOfClient(tx as Db), new Date());
  await plainExecute(
    tx,
    Prisma.sql`
    INSERT INTO "AuditEntry" ("entity", "entityId", "actorId", "messageId", "action", "before", "after", "reverts", "at")
    VALUES (${record.type}, ${record.id}, ${change.actorId}, ${change.messageId}, ${entry.action}, ${before}, ${after},
      ${entry.reverts ?? null}, ${at})`,
  );
}

async function loadRecord(client: Client, kind: RecordKind, id: string): Promise<StoredRecord | null> {
  if (kind === "visit") {
    const row = await readVisit(client, id);
    return row ? toStoredVisit(row) : null;
  }
  const row = await client.promotion.findUnique({ where: { id }, include: PROMOTION_INCLUDE });
  return row ? toStoredPromotion(row) : null;
}

/** A record just written in the same transaction: it is there, or the transaction is broken. */
/**
 * Audits a visit written outside a report (the demo's seeded history) as created by its manager, so the
 * audit trail explains every stored record and `cli audit-check` finds nothing to report on demo data.
 */
export async function auditSeededVisit(tx: Tx, id: string, managerId: string): Promise<void> {
  const written = await loadWritten(tx, "visit", id);
  const change = { actorId: managerId, messageId: null };
  await audit(tx, written, change, { action: "create", before: null, after: snapshotOf(written) });
}

async function loadWritten(client: Client, kind: RecordKind, id: string): Promise<StoredRecord> {
  const record = await loadRecord(client, kind, id);
  if (!record) throw new Error(`${kind} ${id} is missing right after it was written`);
  return record;
}

const lineOf = (l: LineRow): FormatStockLine => ({ sku: l.sku, qty: l.qty, unit: l.unit as Unit | null });

function toStoredVisit(row: VisitRow): StoredVisit {
  const of = (kind: string) => row.lines.filter((l) => l.kind === kind);
  return {
    type: "visit",
    id: row.id,
    managerId: row.managerId,
    messageId: row.messageId,
    status: row.status as StoredVisit["status"],
    createdAt: row.createdAt,
    feedbackText: row.feedbackText,
    complianceNote: row.complianceNote,
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
    retailers: row.retailers.map((r) => r.retailerId).sort(),
    date: row.date,
    skus: row.lines.filter((l) => l.kind === "sku").map((l) => l.sku),
    format: row.format as PromotionFormat,
    consumers: row.consumers,
    durationMinutes: row.durationMinutes,
    sales: row.lines.filter((l) => l.kind === "sale").map(lineOf),
  };
}
