/** Logging visits and promotions: receipts, the questions about a draft, corrections and undo. */
import type { TextReading, Unit } from "../../domain/records.js";

/** stored: a new record; updated: corrected; merged: a second report added to the same visit; restored: undo took a change back. */
export type ReceiptMode = "stored" | "updated" | "merged" | "restored" | "preview";

export interface VisitMessages {
  receipt: {
    heading: Record<ReceiptMode, string>;
    /** 3 条记录 / 3 records, as a receipt's title for several records. */
    records(count: number): string;
    stock: string;
    outOfStock: string;
    listed: string;
    orders: string;
    /** The work done at the visit, e.g. 工作：陈列理货 / Done: set up display. */
    work: string;
    followUp: string;
    feedback: string;
    /** When the owner gave feedback the parser could not quote. */
    feedbackNoted: string;
    compliance: string;
    complianceText: string;
    products: string;
    consumers: string;
    duration: string;
    sales: string;
    offSite: string;
    /** A visit with nothing else to report. */
    nothing: string;
    /** 20人 / 20 */
    people(count: number): string;
    /** 红塔山 12条 / Coke Zero: 3 cases; qty null = a vague amount; unit null = not said. */
    line(product: string, qty: number | null, unit: Unit | null): string;
    /** A follow-up day, or "unspecified" for a promise with no day. */
    followUpDay(day: string): string;
    edit: string;
    undo: string;
    /** How to correct, shown on the first receipts only (noise at 30 receipts a day). */
    hint: string;
  };
  question: {
    shopWhich(mention: string): string;
    shopUnknown(mention: string): string;
    shopMissing: string;
    productWhich(mention: string): string;
    productUnknown(mention: string): string;
    unitWhich(mention: string): string;
    /** A part of the report no fact explains: what does it mean? */
    unclearWhat(mention: string): string;
    /** An amount two or more readings fit: «「走了8条」是卖出还是库存？». */
    unclearWhich(mention: string, readings: TextReading[]): string;
    /** The short labels of the readings offered. */
    readingLabels: Record<TextReading, string>;
    /** The words a picked reading puts in place of the unclear part, with its count and product ("软中华还有8条"). */
    readingAs(reading: TextReading, amount: string, product: string): string;
    confirm: string;
    /** The labels of the yes/no to the shown understanding. */
    confirmYes: string;
    confirmNo: string;
    skipLabel: string;
    /** The units offered for a count with no unit, in the order shown. */
    units: { label: string; unit: Unit }[];
  };
  flow: {
    nothingFound: string;
    stillUnsure: string;
    cancelled: string;
    rejected: string;
    /** Before an open question asked again after another message. */
    stillWaiting: string;
    /** Before a set-aside question brought back. */
    alsoEarlier: string;
    /**
     * A second report of a shop already visited that day went into that visit; `day` is null for today.
     * Says how to log it as a second visit instead.
     */
    merged(shop: string, day: string | null): string;
  };
  correction: {
    notYours: string;
    nothingToCorrect: string;
    /** Undo found no change of the sender's still in effect. */
    nothingToUndo: string;
    /** Undo withdrew records whose creation was the last change. */
    undone(what: string): string;
    /** Undo took back the last change of records, shown as they are again. */
    reverted(what: string): string;
    /** Undo of a change that was followed by another one on the same record. */
    changedSince: string;
    /** "Is this a correction of <record> or a new report?", with the two labels below as its choices. */
    correctionOrNew(what: string): string;
    asCorrection: string;
    asNew: string;
    editHint: string;
    whichRecord: string;
    whichLine: string;
    notUnderstood: string;
    visit(shop: string, day: string): string;
    promotion(day: string): string;
  };
  /** To the supervisor, in the supervisor's language, when a report mentions a forbidden practice. */
  redFlagAlert(manager: string, shops: string, text: string): string;
}
