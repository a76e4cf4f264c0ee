/**
 * A visit and its lines read and written with plain statements. Every report reads the shop's visit
 * of the day, and a report either creates a visit or merges into one: through Prisma's models that
 * was four calls a report, each compiled by its query compiler on the event loop (three to five
 * times the cost of the statements themselves). Written once, in SQL both databases take: booleans
 * as TRUE/FALSE, timestamps as Prisma stores them (raw-time.ts), a line's quantity cast so that a
 * multi-row VALUES list does not make PostgreSQL guess it is text.
 */
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./database.js";
import { providerOfClient } from "./outbox-store.js";
import { plainExecute, plainQuery } from "./plain-statements.js";
import { rawTime } from "./raw-time.js";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Db | Tx;

export interface LineRow {
  kind: string;
  sku: string;
  qty: number | null;
  unit: string | null;
}

/** The columns a report or a correction writes. */
export interface VisitFacts {
  retailerId: string;
  date: string;
  activities: string;
  followUp: string | null;
  feedback: boolean;
  compliance: boolean;
  feedbackText: string | null;
  complianceNote: string | null;
}

/** A Visit row as the record store reads it, with its lines in the order they were written. */
export interface VisitRow extends VisitFacts {
  id: string;
  managerId: string;
  status: string;
  messageId: string | null;
  createdAt: Date;
  lines: LineRow[];
}

interface JoinedRow {
  id: string;
  retailerId: string;
  managerId: string;
  date: string;
  activities: string;
  followUp: string | null;
  feedback: unknown;
  compliance: unknown;
  feedbackText: string | null;
  complianceNote: string | null;
  status: string;
  messageId: string | null;
  createdAt: unknown;
  kind: string | null;
  sku: string | null;
  qty: unknown;
  unit: string | null;
}

/** The visit with `id`, with its lines, in one statement; null when there is none. */
export async function readVisit(client: Client, id: string): Promise<VisitRow | null> {
  return visitOf(await joined(client, Prisma.sql`${id}`));
}

/** The newest active visit of a manager to a shop on a day, with its lines, in one statement. */
export async function readSameDayVisit(
  client: Client,
  managerId: string,
  retailerId: string,
  date: string,
): Promise<VisitRow | null> {
  return visitOf(
    await joined(
      client,
      Prisma.sql`(SELECT s."id" FROM "Visit" s
        WHERE s."managerId" = ${managerId} AND s."retailerId" = ${retailerId} AND s."date" = ${date} AND s."status" = 'active'
        ORDER BY s."createdAt" DESC LIMIT 1)`,
    ),
  );
}

function joined(client: Client, id: Prisma.Sql): Promise<JoinedRow[]> {
  return plainQuery<JoinedRow>(
    client,
    Prisma.sql`
    SELECT v."id", v."retailerId", v."managerId", v."date", v."activities", v."followUp", v."feedback", v."compliance",
      v."feedbackText", v."complianceNote", v."status", v."messageId", v."createdAt",
      l."kind", l."sku", l."qty", l."unit"
    FROM "Visit" v LEFT JOIN "VisitLine" l ON l."visitId" = v."id"
    WHERE v."id" = ${id}
    ORDER BY l."id"`,
  );
}

function visitOf(rows: JoinedRow[]): VisitRow | null {
  const [first] = rows;
  if (!first) return null;
  const lines: LineRow[] = [];
  for (const r of rows)
    if (r.kind !== null && r.sku !== null)
      lines.push({ kind: r.kind, sku: r.sku, qty: r.qty === null ? null : Number(r.qty), unit: r.unit });
  return {
    id: first.id,
    retailerId: first.retailerId,
    managerId: first.managerId,
    date: first.date,
    activities: first.activities,
    followUp: first.followUp,
    feedback: truth(first.feedback),
    compliance: truth(first.compliance),
    feedbackText: first.feedbackText,
    complianceNote: first.complianceNote,
    status: first.status,
    messageId: first.messageId,
    createdAt: first.createdAt instanceof Date ? first.createdAt : new Date(String(first.createdAt)),
    lines,
  };
}

/** A boolean column as a driver hands it back (SQLite keeps 0/1). */
function truth(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "true";
}

/** Inserts a new visit and its lines; returns the row as stored, without reading it back. */
export async function insertVisit(
  tx: Tx,
  row: VisitFacts & { id: string; managerId: string; messageId: string | null; confirmedById: string },
  lines: LineRow[],
): Promise<VisitRow> {
  const now = new Date();
  const at = rawTime(providerOfClient(tx as Db), now);
  await plainExecute(
    tx,
    Prisma.sql`
    INSERT INTO "Visit" ("id", "retailerId", "managerId", "date", "activities", "followUp", "followUpDone", "feedback",
      "feedbackText", "compliance", "complianceNote", "status", "messageId", "confirmedById", "confirmedAt",
      "createdAt", "updatedAt")
    VALUES (${row.id}, ${row.retailerId}, ${row.managerId}, ${row.date}, ${row.activities}, ${row.followUp}, FALSE,
      ${sqlBool(row.feedback)}, ${row.feedbackText}, ${sqlBool(row.compliance)}, ${row.complianceNote}, 'active',
      ${row.messageId}, ${row.confirmedById}, ${at}, ${at}, ${at})`,
  );
  await insertLines(tx, row.id, lines);
  return { ...row, status: "active", createdAt: now, lines };
}

/** Replaces a visit's facts and lines; its identity, owner and status stay. */
export async function updateVisit(tx: Tx, id: string, facts: VisitFacts, lines: LineRow[]): Promise<void> {
  const at = rawTime(providerOfClient(tx as Db), new Date());
  await plainExecute(tx, Prisma.sql`DELETE FROM "VisitLine" WHERE "visitId" = ${id}`);
  await plainExecute(
    tx,
    Prisma.sql`
    UPDATE "Visit" SET "retailerId" = ${facts.retailerId}, "date" = ${facts.date}, "activities" = ${facts.activities},
      "followUp" = ${facts.followUp}, "feedback" = ${sqlBool(facts.feedback)}, "compliance" = ${sqlBool(facts.compliance)},
      "feedbackText" = ${facts.feedbackText}, "complianceNote" = ${facts.complianceNote}, "updatedAt" = ${at}
    WHERE "id" = ${id}`,
  );
  await insertLines(tx, id, lines);
}

/** Marks the promises made at earlier visits to a shop, due by `date`, as kept (a visit came). */
export async function keepFollowUps(tx: Tx, retailerId: string, date: string, exceptId: string): Promise<void> {
  const at = rawTime(providerOfClient(tx as Db), new Date());
  await plainExecute(
    tx,
    Prisma.sql`
    UPDATE "Visit" SET "followUpDone" = TRUE, "updatedAt" = ${at}
    WHERE "retailerId" = ${retailerId} AND "followUpDone" = FALSE AND "followUp" IS NOT NULL AND "followUp" <= ${date}
      AND "id" <> ${exceptId}`,
  );
}

async function insertLines(tx: Tx, visitId: string, lines: LineRow[]): Promise<void> {
  if (!lines.length) return;
  const values = lines.map(
    (l) => Prisma.sql`(${visitId}, ${l.kind}, ${l.sku}, CAST(${l.qty} AS DOUBLE PRECISION), ${l.unit})`,
  );
  await plainExecute(
    tx,
    Prisma.sql`
    INSERT INTO "VisitLine" ("visitId", "kind", "sku", "qty", "unit") VALUES ${Prisma.join(values)}`,
  );
}

/** A boolean literal both databases read (SQLite stores it as 1/0). */
function sqlBool(value: boolean): Prisma.Sql {
  return value ? Prisma.sql`TRUE` : Prisma.sql`FALSE`;
}
