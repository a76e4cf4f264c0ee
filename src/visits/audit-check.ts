/**
 * The invariant behind "records you can trust", checked on a whole database (`cli audit-check`, and
 * at the end of the conversation tests):
 * 1. every record is what its audit trail produces: replaying its creation, corrections, merges and
 *    undos in order gives exactly the stored facts and status, and each entry's "before" is the
 *    state the previous entries left;
 * 2. no message changed a record it does not name: a message that names shops names the record's
 *    shop (or carries its #reference), or only moves the record to the shop it names and reports
 *    nothing else. A new report taken for a correction ("No Sprite left at Joe's…" rewriting the
 *    Sunrise visit) breaks this.
 */
import { REFERENCE_PATTERN, shortReference } from "../domain/reference.js";
import { createParser, type Parser } from "../parse/index.js";
import type { Db } from "../store/database.js";
import { type RecordKind, RecordStore, type Snapshot, snapshotOf } from "../store/record-store.js";
import { RosterStore } from "../store/roster-store.js";
import { auditEntriesAfter, messagesByIds } from "./audit-queries.js";
import { reportedShops } from "./report-content.js";

interface AuditFinding {
  kind: "state_differs" | "broken_trail" | "no_trail" | "unnamed_record";
  /** "visit:<id>" or "promotion:<id>". */
  record: string;
  detail: string;
}

export interface AuditReport {
  records: number;
  entries: number;
  findings: AuditFinding[];
}

const PAGE = 500;

interface Replay {
  state: Snapshot | null;
  status: "active" | "undone";
  /** The first inconsistency met while replaying, if any. */
  broken: string | null;
}

type Entry = Awaited<ReturnType<typeof auditEntriesAfter>>[number];

export async function auditCheck(db: Db): Promise<AuditReport> {
  const replays = new Map<string, Replay>();
  const findings: AuditFinding[] = [];
  const parser = createParser(await new RosterStore(db).roster());
  let entries = 0;
  for (let after = 0; ; ) {
    const page = await auditEntriesAfter(db, after, PAGE);
    if (!page.length) break;
    for (const entry of page) replay(replays, entry);
    findings.push(...(await unnamedChanges(db, parser, page)));
    entries += page.length;
    after = page.at(-1)?.id ?? after;
  }
  const store = new RecordStore(db);
  let records = 0;
  for (const kind of ["visit", "promotion"] as const) {
    for (let after: string | null = null; ; ) {
      const page = await store.page(kind, after, PAGE);
      if (!page.length) break;
      for (const record of page) {
        const key = `${kind}:${record.id}`;
        const replayed = replays.get(key);
        replays.delete(key);
        records += 1;
        if (!replayed?.state) {
          findings.push({ kind: "no_trail", record: key, detail: "stored without a creation in the audit trail" });
          continue;
        }
        if (replayed.broken) findings.push({ kind: "broken_trail", record: key, detail: replayed.broken });
        const stored = canonical(snapshotOf(record), replayed.state);
        const expected = canonical(replayed.state, replayed.state);
        if (stored !== expected || record.status !== replayed.status)
          findings.push({
            kind: "state_differs",
            record: key,
            detail: `stored ${record.status} ${stored}; the audit trail gives ${replayed.status} ${expected}`,
          });
      }
      after = page.at(-1)?.id ?? after;
    }
  }
  for (const key of replays.keys())
    findings.push({ kind: "broken_trail", record: key, detail: "audit entries for a record that is not stored" });
  return { records, entries, findings };
}

function replay(replays: Map<string, Replay>, entry: Entry): void {
  const key = `${entry.entity}:${entry.entityId}`;
  const before = entry.before ? (JSON.parse(entry.before) as Snapshot) : null;
  const after = entry.after ? (JSON.parse(entry.after) as Snapshot) : null;
  const current = replays.get(key);
  if (entry.action === "create") {
    if (current) current.broken ??= `entry ${entry.id} creates a record that already exists`;
    replays.set(key, { state: after, status: "active", broken: current?.broken ?? null });
    return;
  }
  if (!current?.state) {
    replays.set(key, {
      state: null,
      status: "active",
      broken: `entry ${entry.id} (${entry.action}) before any creation`,
    });
    return;
  }
  if (!before || canonical(before, current.state) !== canonical(current.state, current.state))
    current.broken ??= `entry ${entry.id} (${entry.action}) starts from a state the trail did not leave`;
  if (entry.action === "undo") current.status = "undone";
  else if (after) current.state = after;
}

/**
 * A snapshot as one comparable string: keys sorted, a promotion's shops sorted. The visit's words
 * (feedback text, compliance note) count only when `like` records them: entries older than
 * snapshots did not.
 */
function canonical(snapshot: Snapshot, like: Snapshot): string {
  const facts: Record<string, unknown> = { ...snapshot };
  if (!("complianceNote" in like)) {
    delete facts.feedbackText;
    delete facts.complianceNote;
  }
  if (snapshot.type === "promotion") facts.retailers = [...snapshot.retailers].sort();
  if (snapshot.type === "visit") facts.ambiguous = null;
  return JSON.stringify(sortKeys(facts));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

const shopsOf = (s: Snapshot | null): string[] =>
  !s ? [] : s.type === "visit" ? (s.retailer ? [s.retailer] : []) : s.retailers;

/** The changes in `entries` made by a message that names shops, none of them the changed record's. */
async function unnamedChanges(db: Db, parser: Parser, entries: Entry[]): Promise<AuditFinding[]> {
  const changes = entries.filter((e) => e.messageId && ["create", "update", "merge"].includes(e.action));
  const messages = new Map(
    (await messagesByIds(db, [...new Set(changes.map((e) => e.messageId as string))])).map((m) => [m.id, m]),
  );
  const findings: AuditFinding[] = [];
  for (const entry of changes) {
    const message = messages.get(entry.messageId as string);
    if (!message) continue;
    const references = (message.text.match(REFERENCE_PATTERN) ?? []).map((r) => r.toLowerCase());
    if (references.includes(shortReference(entry.entityId))) continue;
    const reading = parser.parse({
      text: message.text,
      senderId: message.personId ?? entry.actorId,
      now: message.receivedAt.toISOString(),
    });
    const named = new Set(reading.shops.flatMap((s) => (s.id ? [s.id] : s.candidates.map((c) => c.id))));
    if (named.size === 0) continue;
    const before = entry.before ? (JSON.parse(entry.before) as Snapshot) : null;
    const after = entry.after ? (JSON.parse(entry.after) as Snapshot) : null;
    const was = shopsOf(entry.action === "create" ? after : before);
    if (was.some((shop) => named.has(shop))) continue;
    // "不对，是旺旺": the record moved to the shop the message names, and the message reports nothing of its own.
    const movedThere = shopsOf(after).some((shop) => named.has(shop)) && reportedShops(reading).length === 0;
    if (entry.action === "update" && movedThere) continue;
    findings.push({
      kind: "unnamed_record",
      record: `${entry.entity as RecordKind}:${entry.entityId}`,
      detail: `entry ${entry.id} (${entry.action}) by message ${message.id} «${message.text}», which names ${[...named].join(", ")} but not ${was.join(", ") || "the record's shop"}`,
    });
  }
  return findings;
}
