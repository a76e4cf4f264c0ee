/**
 * Corrections in words: "撤销", "不对，是15条", "改成软中华", "not Joe's, Sunrise", "follow-up Friday",
 * "去掉软中华的断货", "不对 触达了40人". `readCorrection` tells whether a message opens like one (whether it
 * IS one is decided with its reading, in correction-or-report.ts); `amend` and `removeFacts` compute the
 * corrected record from what the text names, leaving everything else as it was.
 */

import { unitOf } from "../core/picks.js";
import type { FormatPromotion, FormatStockLine, FormatVisit, Unit } from "../domain/records.js";
import { REFERENCE_PATTERN } from "../domain/reference.js";
import { REPLY_PHRASES } from "../locales/index.js";
import type { FactList } from "../locales/phrases.js";
import { parseNumber } from "../parse/common/numerals.js";
import type { Parser } from "../parse/index.js";

export type Correction =
  | { kind: "undo"; references: string[] }
  | { kind: "edit"; references: string[] }
  | { kind: "remove"; references: string[]; text: string }
  /** `plainly`: it opens with words that only a correction opens with (不对, 改成 / wrong, make it). */
  | { kind: "amend"; references: string[]; text: string; plainly: boolean };

const saysAny = (text: string, pick: (p: (typeof REPLY_PHRASES)[number]) => RegExp) =>
  REPLY_PHRASES.some((p) => pick(p).test(text));

/** What a message says it is by its opening words; null when nothing in it reads as a correction. */
export function readCorrection(text: string): Correction | null {
  const references = text.match(REFERENCE_PATTERN) ?? [];
  const rest = text.replace(REFERENCE_PATTERN, "").trim();
  if (saysAny(rest, (p) => p.undo)) return { kind: "undo", references };
  if (saysAny(rest, (p) => p.edit)) return { kind: "edit", references };
  if (saysAny(rest, (p) => p.remove)) return { kind: "remove", references, text: rest };
  if (saysAny(rest, (p) => p.amend))
    return { kind: "amend", references, text: rest, plainly: saysAny(rest, (p) => p.plainlyAmends) };
  return null;
}

type Amendable = FormatVisit | FormatPromotion;

export type Amendment =
  | { kind: "changed"; after: Amendable }
  | { kind: "nothing" }
  | { kind: "which_line"; lines: { list: "stock" | "orders" | "sales"; index: number; sku: string }[] };

interface CorrectionContext {
  parser: Parser;
  senderId: string;
  now: string;
  /** The record's shop name: read with the correction, it lets the parser date it ("张记便利店 follow-up Friday"). */
  shopName: string | null;
}

/** A number, with the unit after it when there is one; not a date, a time, a price or an ordinal. */
const QUANTITY = new RegExp(
  `(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+半?|半)\\s*(${REPLY_PHRASES.map((p) => p.unitAfterNumber).join("|")})?(?![\\d.]|\\s*(月|日|号|点|%|:|元|块|am|pm|st|nd|rd|th))`,
  "gi",
);
const saysFollowUp = (text: string) => saysAny(text, (p) => p.followUp);

/** Applies one correction text to a record. */
export function amend(record: Amendable, text: string, ctx: CorrectionContext): Amendment {
  const mentions = ctx.parser.parse({ text, senderId: ctx.senderId, now: ctx.now });
  const after = structuredClone(record) as Amendable;
  const productSkus = mentions.products.flatMap((p) =>
    p.candidates.length === 1 && p.candidates[0] ? [p.candidates[0].sku] : [],
  );
  // "触达了40人" names the headcount and "2小时" the duration: those numbers are never a line's quantity.
  const event = readEventFigures(text);
  let changed = false;
  if (after.type === "promotion") {
    if (event.consumers !== null && event.consumers !== after.consumers) {
      after.consumers = event.consumers;
      changed = true;
    }
    if (event.minutes !== null && event.minutes !== after.durationMinutes) {
      after.durationMinutes = event.minutes;
      changed = true;
    }
  }
  const quantity = readQuantity(event.rest);

  if (quantity) {
    const lists = lineLists(after);
    const pool = lists.flatMap(({ list, lines }) => lines.map((line, index) => ({ list, index, line })));
    const named = pool.filter((l) => productSkus.includes(l.line.sku));
    // A named product picks its line; with none named, a single line is the only candidate.
    const targets = !productSkus.length ? pool : named.length ? named : pool.length === 1 ? pool : [];
    if (targets.length > 1)
      return { kind: "which_line", lines: targets.map((t) => ({ list: t.list, index: t.index, sku: t.line.sku })) };
    const [target] = targets;
    if (target && targets.length === 1) {
      const line = target.line;
      // "不对，是硬中华5条" on a one-line record with another product: the product was wrong too.
      const lastNamed = productSkus.at(-1);
      if (lastNamed && !productSkus.includes(line.sku)) line.sku = lastNamed;
      line.qty = quantity.qty;
      line.unit = quantity.unit ?? line.unit;
      changed = true;
    }
  }

  const shops = mentions.shops.flatMap((s) => (s.id ? [s.id] : []));
  if (shops.length) {
    if (after.type === "visit") {
      const replacement = [...shops].reverse().find((id) => id !== after.retailer);
      if (replacement) {
        after.retailer = replacement;
        after.ambiguous = null;
        changed = true;
      }
    } else {
      const replacement = shops.filter((id) => !after.retailers.includes(id) || shops.length === 1);
      if (replacement.length) {
        after.retailers = [...new Set(replacement)].sort();
        changed = true;
      }
    }
  }

  if (!quantity && productSkus.length) {
    const present = skusOf(after);
    const [from, to] =
      productSkus.length >= 2
        ? [productSkus[0], productSkus[productSkus.length - 1]]
        : present.length === 1
          ? [present[0], productSkus[0]]
          : [null, null];
    if (from && to && from !== to && present.includes(from)) {
      replaceSku(after, from, to);
      changed = true;
    }
  }

  const dates = readDates(text, ctx);
  if (after.type === "visit" && dates.followUp && saysFollowUp(text) && dates.followUp !== after.followUp) {
    after.followUp = dates.followUp;
    changed = true;
  } else if (dates.date && dates.date !== after.date && !saysFollowUp(text)) {
    after.date = dates.date;
    changed = true;
  }
  return changed ? { kind: "changed", after } : { kind: "nothing" };
}

/** A headcount and a duration said in a correction, and the text without them. */
function readEventFigures(text: string): { consumers: number | null; minutes: number | null; rest: string } {
  let rest = text;
  let consumers: number | null = null;
  let minutes: number | null = null;
  for (const phrases of REPLY_PHRASES) {
    const m = phrases.headcount.exec(rest);
    const raw = m?.[1] ?? m?.[2];
    if (m && raw && consumers === null) {
      consumers = parseNumber(raw);
      rest = rest.replace(m[0], " ");
    }
    for (const [pattern, unitMinutes] of phrases.durations) {
      const d = pattern.exec(rest);
      if (!d?.[1] || minutes !== null) continue;
      minutes = Math.round(Number(d[1]) * unitMinutes);
      rest = rest.replace(d[0], " ");
    }
  }
  return { consumers, minutes, rest };
}

function readQuantity(text: string): { qty: number; unit: Unit | null } | null {
  for (const [, raw = "", unitWord] of text.matchAll(QUANTITY)) {
    const qty =
      raw === "半" ? 0.5 : raw.endsWith("半") ? (parseNumber(raw.slice(0, -1)) ?? NaN) + 0.5 : parseNumber(raw);
    if (qty === null || Number.isNaN(qty)) continue;
    // A bare Chinese numeral without a unit is too often part of a word (一下, 一家) to be a count.
    if (!unitWord && !/\d/.test(raw)) continue;
    return { qty, unit: unitWord ? unitOf(unitWord.toLowerCase()) : null };
  }
  return null;
}

function readDates(text: string, ctx: CorrectionContext): { date: string | null; followUp: string | null } {
  const probe = ctx.parser.parse({
    text: ctx.shopName ? `${ctx.shopName} ${text}` : text,
    senderId: ctx.senderId,
    now: ctx.now,
  });
  for (const record of probe.records) {
    if (record.type !== "visit") continue;
    return {
      date: record.date.source === "said" ? record.date.value : null,
      followUp: record.followUp?.source === "said" ? record.followUp.value : null,
    };
  }
  return { date: null, followUp: null };
}

function lineLists(record: Amendable): { list: "stock" | "orders" | "sales"; lines: FormatStockLine[] }[] {
  return record.type === "visit"
    ? [
        { list: "stock", lines: record.stock },
        { list: "orders", lines: record.orders },
      ]
    : [{ list: "sales", lines: record.sales }];
}

function skusOf(record: Amendable): string[] {
  const skus =
    record.type === "visit"
      ? [...record.stock.map((l) => l.sku), ...record.outOfStock, ...record.listed, ...record.orders.map((l) => l.sku)]
      : [...record.skus, ...record.sales.map((l) => l.sku)];
  return [...new Set(skus)];
}

function replaceSku(record: Amendable, from: string, to: string): void {
  const swap = (sku: string) => (sku === from ? to : sku);
  if (record.type === "visit") {
    for (const l of record.stock) l.sku = swap(l.sku);
    for (const l of record.orders) l.sku = swap(l.sku);
    record.outOfStock = record.outOfStock.map(swap);
    record.listed = record.listed.map(swap);
  } else {
    record.skus = record.skus.map(swap);
    for (const l of record.sales) l.sku = swap(l.sku);
  }
}

/** Sets the quantity of one chosen line (after "改哪一项？" was answered). */
export function setLineQuantity(
  record: Amendable,
  list: "stock" | "orders" | "sales",
  index: number,
  text: string,
): Amendable | null {
  const quantity = readQuantity(text);
  if (!quantity) return null;
  const after = structuredClone(record) as Amendable;
  const lines = lineLists(after).find((l) => l.list === list)?.lines;
  if (!lines?.[index]) return null;
  lines[index].qty = quantity.qty;
  lines[index].unit = quantity.unit ?? lines[index].unit;
  return after;
}

/** The fact lists a removal names ("的断货" / "from out of stock"); empty when it names none. */
function namedLists(text: string): FactList[] {
  const lists = new Set<FactList>();
  for (const phrases of REPLY_PHRASES)
    for (const [pattern, list] of phrases.factLists) if (pattern.test(text)) lists.add(list);
  return [...lists];
}

/**
 * Takes the named products out of the named lists ("去掉软中华的断货", "remove Coke Zero from out of
 * stock"), or out of every list when none is named; "去掉下次跟进" drops the follow-up.
 */
export function removeFacts(record: Amendable, text: string, ctx: Omit<CorrectionContext, "shopName">): Amendment {
  const after = structuredClone(record) as Amendable;
  const present = new Set(skusOf(after));
  // A brand alone ("中华") names the one product of that brand the record holds.
  const skus = ctx.parser.parse({ text, senderId: ctx.senderId, now: ctx.now }).products.flatMap((p) => {
    const held = p.candidates.filter((c) => present.has(c.sku));
    return held.length === 1 && held[0] ? [held[0].sku] : [];
  });
  // The opening ("take out", "去掉") is not a list's name.
  const lists = namedLists(REPLY_PHRASES.reduce((rest, p) => rest.replace(p.remove, " "), text));
  const named = (list: FactList) => lists.length === 0 || lists.includes(list);
  const keep = (sku: string) => !skus.includes(sku);
  let changed = false;
  const filter = <T>(items: T[], list: FactList, skuOf: (item: T) => string): T[] => {
    if (!named(list) || !skus.length) return items;
    const kept = items.filter((item) => keep(skuOf(item)));
    if (kept.length !== items.length) changed = true;
    return kept;
  };
  if (after.type === "visit") {
    after.stock = filter(after.stock, "stock", (l) => l.sku);
    after.outOfStock = filter(after.outOfStock, "outOfStock", (s) => s);
    after.listed = filter(after.listed, "listed", (s) => s);
    after.orders = filter(after.orders, "orders", (l) => l.sku);
    if (!skus.length && lists.includes("followUp") && after.followUp !== null) {
      after.followUp = null;
      changed = true;
    }
  } else {
    after.sales = filter(after.sales, "sales", (l) => l.sku);
    // The products of an event are what it was about: taken out only when no list narrows the removal.
    if (lists.length === 0) after.skus = filter(after.skus, "sales", (s) => s);
  }
  return changed ? { kind: "changed", after } : { kind: "nothing" };
}
