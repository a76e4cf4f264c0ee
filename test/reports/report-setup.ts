/**
 * The hand-counted week of 新罗一组 (fixtures: M01 林志强, M02 黄丽萍, M03 张伟, 25 shops each,
 * no visits before), stored through RecordStore like confirmed reports. Today is Wed 2026-11-25.
 *
 *   M01 today: 王记小卖部 R001 twice (软中华 T002 out of stock, then 5 cartons), 老周副食店 R002
 *        硬中华 10 cartons corrected to 15, 新华都超市 R003 with a red flag; 郭记烟酒商行 R004 undone.
 *        → 4 visits, 3 shops, 1 stock-out, 1 red flag; all 25 shops planned, 3 done.
 *   M02: 李强超市 R030 logged today for yesterday; a tasting at 老陈超市 R027 today, 12 consumers,
 *        软中华 2 cartons sold. → today 0 visits, 1 promotion; yesterday 1 visit; today 24 planned
 *        (R030, a weekly brand store, is not due again yet).
 *   M03: nothing at all.
 * Each record comes with the inbound message it was reported in, at the time given, so last report
 * times read as they would after a real day (10:00, 15:00).
 */
import type { FormatPromotion, FormatVisit } from "../../src/domain/records.js";
import { importRoster } from "../../src/roster/import-roster.js";
import type { Db } from "../../src/store/database.js";
import { Inbox } from "../../src/store/inbox.js";
import { RecordStore, type StoredRecord } from "../../src/store/record-store.js";
import { TEST_ROSTER } from "../support/fixtures.js";
import { formatVisit } from "../support/format-visit.js";

export const TODAY = "2026-11-25";
export const YESTERDAY = "2026-11-24";

const visit = formatVisit;

export interface Seeded {
  m01: { wang1: StoredRecord; wang2: StoredRecord; zhou: StoredRecord; xinhuadu: StoredRecord; guoji: StoredRecord };
  m02: { liqiang: StoredRecord; tasting: StoredRecord };
}

/** Stores one confirmed record as reported in a message at `time` (Shanghai, or a full ISO instant). */
function recorder(db: Db) {
  const store = new RecordStore(db);
  const inbox = new Inbox(db);
  let sequence = 0;
  const one = async (
    managerId: string,
    time: string,
    record: FormatVisit | FormatPromotion,
    note: string | null = null,
  ): Promise<StoredRecord> => {
    const receivedAt = new Date(time.includes("T") ? time : `${TODAY}T${time}:00+08:00`);
    const recorded = await inbox.record(
      {
        channel: "web",
        externalUserId: managerId,
        externalMessageId: `seed-${managerId}-${++sequence}`,
        text: note ?? "",
        receivedAt,
      },
      managerId,
    );
    const [stored] = await store.createAll([record], {
      managerId,
      messageId: recorded.id,
      confirmedById: managerId,
      note,
    });
    if (!stored) throw new Error("the record store returned nothing");
    return stored;
  };
  return { store, one };
}

export async function seedWeek(db: Db): Promise<Seeded> {
  await importRoster(db, TEST_ROSTER);
  const { store, one } = recorder(db);

  const wang1 = await one("M01", "10:00", visit("R001", TODAY, { activities: ["stock_check"], outOfStock: ["T002"] }));
  const zhou = await one(
    "M01",
    "10:30",
    visit("R002", TODAY, { activities: ["stock_check"], stock: [{ sku: "T001", qty: 10, unit: "carton" }] }),
  );
  const zhouFixed = await store.update(
    zhou,
    visit("R002", TODAY, { activities: ["stock_check"], stock: [{ sku: "T001", qty: 15, unit: "carton" }] }),
    "M01",
  );
  const xinhuadu = await one(
    "M01",
    "11:00",
    visit("R003", TODAY, { activities: ["display"], compliance: true }),
    "店主说要搭售才给上柜",
  );
  const wang2 = await one(
    "M01",
    "15:00",
    visit("R001", TODAY, { activities: ["stock_check"], stock: [{ sku: "T002", qty: 5, unit: "carton" }] }),
  );
  const guoji = await one(
    "M01",
    "15:30",
    visit("R004", TODAY, { stock: [{ sku: "T004", qty: 10, unit: "carton" }], outOfStock: ["T001"] }),
  );
  await store.undo(guoji, "M01");

  // Logged this morning for yesterday.
  const liqiang = await one(
    "M02",
    "09:00",
    visit("R030", YESTERDAY, { activities: ["stock_check"], stock: [{ sku: "T002", qty: 5, unit: "carton" }] }),
  );
  const tasting = await one("M02", "16:00", {
    type: "promotion",
    retailers: ["R027"],
    date: TODAY,
    skus: ["T002"],
    format: "tasting",
    consumers: 12,
    durationMinutes: 60,
    sales: [{ sku: "T002", qty: 2, unit: "carton" }],
  });
  return { m01: { wang1, wang2, zhou: zhouFixed, xinhuadu, guoji }, m02: { liqiang, tasting } };
}

/** Austin North's day: Jake Miller (M07) logged Joe's Market (R151) at 10:00 Chicago time; Priya Shah nothing. */
export async function seedAustin(db: Db): Promise<StoredRecord> {
  const { one } = recorder(db);
  return one(
    "M07",
    "2026-11-25T10:00:00-06:00",
    visit("R151", TODAY, { activities: ["stock_check"], stock: [{ sku: "B002", qty: 3, unit: "case" }] }),
  );
}
