/** What the audit check reads besides the records: the audit trail and the messages that made the changes. */
import type { Db } from "../store/database.js";

/** Audit entries in id order, a page at a time. */
export function auditEntriesAfter(db: Db, afterId: number, take: number) {
  return db.auditEntry.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}

/** The inbound messages with these ids: their text and sender. */
export function messagesByIds(db: Db, ids: string[]) {
  return db.inboundMessage.findMany({
    where: { id: { in: ids } },
    select: { id: true, text: true, personId: true, receivedAt: true },
  });
}
