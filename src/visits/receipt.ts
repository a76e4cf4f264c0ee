/**
 * The receipt a manager gets back: what was understood (or stored), compact, in their language,
 * with "edit" and "undo" actions that point at the exact records by their short reference.
 */
import type { Lang } from "../domain/roster.js";
import type { FormatPromotion, FormatVisit } from "../domain/records.js";
import type { CardReply } from "../domain/messages.js";
import type { NameBook } from "../store/name-book.js";
import { ACTIVITY_WORDS, dayWords, followUpWords, FORMAT_WORDS, lineWords, listWords, minutesWords } from "../core/wording.js";

/** The short reference shown on receipts; RecordStore.byReference finds the record again. */
export function shortReference(id: string): string {
  return `#${id.replace(/-/g, "").slice(0, 8)}`;
}

const T = {
  zh: {
    stored: "✅ 已记录",
    updated: "✏️ 已更新",
    preview: "📝 我的理解",
    stock: "库存",
    outOfStock: "断货",
    listed: "新上柜",
    orders: "订货",
    work: "工作",
    followUp: "下次跟进",
    feedback: "老板反馈",
    feedbackYes: "有（已记下，会在计划里提醒）",
    compliance: "⚠️ 合规提示",
    complianceText: "记录中提到的做法不符合规定（不得强制上柜、压货、搭售或超价销售），已同步给主管",
    products: "产品",
    consumers: "触达人数",
    duration: "时长",
    sales: "现场销售",
    shops: "地点",
    offSite: "店外",
    people: (n: number) => `${n}人`,
    nothing: "到店拜访（无其他情况）",
    edit: "修改",
    undo: "撤销",
    hint: "说错了直接回复更正，例如「不对，是15条」「改成软中华」。",
    count: (n: number) => `${n} 条记录`,
  },
  en: {
    stored: "✅ Logged",
    updated: "✏️ Updated",
    preview: "📝 Here's what I understood",
    stock: "Stock",
    outOfStock: "Out of stock",
    listed: "Newly listed",
    orders: "Orders",
    work: "Work",
    followUp: "Follow-up",
    feedback: "Owner feedback",
    feedbackYes: "yes (noted for your plan)",
    compliance: "⚠️ Compliance",
    complianceText: "What this describes breaks the rules (no forced listings, pushed stock, tied sales or selling above the marked price); your supervisor has been told",
    products: "Products",
    consumers: "Consumers reached",
    duration: "Duration",
    sales: "Sold",
    shops: "Where",
    offSite: "off-site",
    people: (n: number) => `${n}`,
    nothing: "visit, nothing to report",
    edit: "Edit",
    undo: "Undo",
    hint: 'Got something wrong? Just reply, e.g. "no, 15 cases" or "not Joe\'s, Sunrise".',
    count: (n: number) => `${n} records`,
  },
};

type Record_ = (FormatVisit | FormatPromotion) & { id?: string };

export type ReceiptMode = "stored" | "updated" | "preview";

export function renderReceipt(records: Record_[], names: NameBook, lang: Lang, mode: ReceiptMode): CardReply {
  const t = T[lang];
  const heading = mode === "stored" ? t.stored : mode === "updated" ? t.updated : t.preview;
  const refs = records.flatMap((r) => (r.id ? [shortReference(r.id)] : []));
  const actions =
    mode === "preview"
      ? []
      : [
          { label: t.edit, value: `${t.edit} ${refs.join(" ")}` },
          { label: t.undo, value: `${t.undo} ${refs.join(" ")}` },
        ];
  const footer = [refs.join(" "), mode === "preview" ? "" : t.hint].filter(Boolean).join(" · ");
  if (records.length === 1) {
    const [record] = records;
    return { kind: "card", title: `${heading}${separator(lang)}${titleOf(record, names, lang)}`, lines: factLines(record, names, lang), actions, footer };
  }
  return {
    kind: "card",
    title: `${heading}${separator(lang)}${t.count(records.length)}`,
    lines: records.map((r) => ({
      label: titleOf(r, names, lang),
      value: factLines(r, names, lang)
        .map((l) => `${l.label} ${l.value}`)
        .join(lang === "zh" ? "；" : "; "),
    })),
    actions,
    footer,
  };
}

const separator = (lang: Lang) => (lang === "zh" ? "：" : ": ");

function titleOf(record: Record_, names: NameBook, lang: Lang): string {
  if (record.type === "visit") {
    const shop = record.retailer ? names.shop(record.retailer) : "?";
    return `${shop} · ${dayWords(record.date, lang)}`;
  }
  const where = record.retailers.length ? record.retailers.map((id) => names.shop(id)).join(", ") : T[lang].offSite;
  return `${FORMAT_WORDS[lang][record.format]} · ${where} · ${dayWords(record.date, lang)}`;
}

/** The label/value lines of one record; empty facts are left out. */
export function factLines(record: Record_, names: NameBook, lang: Lang): { label: string; value: string }[] {
  const t = T[lang];
  const lines: { label: string; value: string }[] = [];
  const add = (label: string, values: string[]) => values.length && lines.push({ label, value: listWords(values, lang) });
  const product = (sku: string) => names.product(sku);
  if (record.type === "visit") {
    add(t.stock, record.stock.map((l) => lineWords(l, product(l.sku), lang)));
    add(t.outOfStock, record.outOfStock.map(product));
    add(t.listed, record.listed.map(product));
    add(t.orders, record.orders.map((l) => lineWords(l, product(l.sku), lang)));
    const work = record.activities.filter((a) => !(a === "stock_check" && (record.stock.length || record.outOfStock.length)));
    add(t.work, work.map((a) => ACTIVITY_WORDS[lang][a]));
    if (record.followUp) lines.push({ label: t.followUp, value: followUpWords(record.followUp, lang) });
    if (record.feedback) lines.push({ label: t.feedback, value: t.feedbackYes });
    if (record.compliance) lines.push({ label: t.compliance, value: t.complianceText });
    if (lines.length === 0) lines.push({ label: t.work, value: t.nothing });
    return lines;
  }
  add(t.products, record.skus.map(product));
  if (record.consumers !== null) lines.push({ label: t.consumers, value: t.people(record.consumers) });
  if (record.durationMinutes !== null) lines.push({ label: t.duration, value: minutesWords(record.durationMinutes, lang) });
  add(t.sales, record.sales.map((l) => lineWords(l, product(l.sku), lang)));
  return lines;
}
