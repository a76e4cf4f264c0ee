import type { VisitMessages } from "../messages/visits.js";
import { format } from "./format.js";

export const visits: VisitMessages = {
  receipt: {
    heading: {
      stored: "✅ 已记录",
      updated: "✏️ 已更新",
      merged: "➕ 已补充",
      restored: "↩️ 已恢复",
      preview: "📝 我的理解",
    },
    records: (n) => `${n} 条记录`,
    stock: "库存",
    outOfStock: "断货",
    listed: "新上柜",
    orders: "订货",
    work: "工作",
    followUp: "下次跟进",
    feedback: "老板反馈",
    feedbackNoted: "有（已记下，会在计划里提醒）",
    compliance: "⚠️ 合规提示",
    complianceText: "记录中提到的做法不符合规定（不得强制上柜、压货、搭售或超价销售），已同步给主管",
    products: "产品",
    consumers: "触达人数",
    duration: "时长",
    sales: "现场销售",
    offSite: "店外",
    nothing: "到店拜访，无其他情况",
    people: (n) => `${n}人`,
    line(product, qty, unit) {
      if (qty === null) return `${product} 数量不详`;
      return `${product} ${qty}${unit ? format.unitName(unit) : "（单位未知）"}`;
    },
    followUpDay: (day) => (day === "unspecified" ? "再跟进（未定日期）" : format.day(day)),
    edit: "修改",
    undo: "撤销",
    hint: "说错了直接回复更正，例如「不对，是15条」「改成软中华」。",
  },
  question: {
    shopWhich: (mention) => `「${mention}」有好几家，是哪一家？`,
    shopUnknown: (mention) => `没找到「${mention}」这家店，请发一下全称或许可证号。`,
    shopMissing: "这条记录是哪家店的？请发一下店名。",
    productWhich: (mention) => `「${mention}」是哪个产品？`,
    productUnknown: (mention) => `目录里没找到「${mention}」，请发一下产品名称（如「软中华」），或回复「忽略」。`,
    unitWhich: (mention) => `「${mention}」是什么单位？`,
    unclearWhat: (mention) => `「${mention}」是什么意思？请说一下，或回复「忽略」。`,
    unclearWhich: (mention, readings) => `「${mention}」是${readings.map((r) => READINGS_ZH[r]).join("还是")}？`,
    readingLabels: { stock: "店里库存", order: "订货", sale: "卖出" },
    readingAs: (reading, amount, product) =>
      `${product}${{ stock: "还有", order: "订了", sale: "卖了" }[reading]}${amount}`,
    confirm: "上面是我的理解，对吗？",
    confirmYes: "对，保存",
    confirmNo: "不对",
    skipLabel: "忽略这一项",
    units: [
      { label: "条", unit: "carton" },
      { label: "包", unit: "pack" },
      { label: "件", unit: "case" },
      { label: "瓶/罐", unit: "unit" },
    ],
  },
  flow: {
    nothingFound: "没看出这条拜访记录的具体内容，能说得再具体点吗？例如「张记 中华断货 红塔山12条」。",
    stillUnsure: "这条还有地方没弄清楚，先不记了。请换个说法重新发一遍。",
    cancelled: "好的，这条不记了。",
    rejected: "好的，这条先不记。请把正确的内容再发一遍。",
    stillWaiting: "还有一条记录在等您确认：",
    alsoEarlier: "另外，之前那条还没确认：",
    merged: (shop, day) =>
      `已补充到${day ?? "今天"}${shop}的拜访记录（同一家店同一天算一次拜访）。如果是又去了一趟，请回「撤销」，然后重发并写上「又去了一趟」。`,
  },
  correction: {
    notYours: "这条记录不是您的，不能修改。只能改自己（主管可改本组）的记录。",
    nothingToCorrect: "没有找到可以更正的记录。先发一条拜访记录，我记下后就能改了。",
    nothingToUndo: "没有可以撤销的记录或修改了。",
    undone: (what) => `已撤销：${what}。`,
    reverted: (what) => `已撤回上一次修改，${what}恢复为修改前的内容：`,
    changedSince: "这条记录之后又改过，请先撤销后面那次修改。",
    correctionOrNew: (what) => `这是更正上一条（${what}）还是一条新记录？`,
    asCorrection: "更正上一条",
    asNew: "新记录",
    editHint:
      "要改哪里直接告诉我，例如「不对，是15条」「改成软中华」「不是张记，是旺旺」「下次周五去」「日期是昨天」「去掉软中华的断货」。",
    whichRecord: "要改哪一家的记录？",
    whichLine: "改哪一项？",
    notUnderstood:
      "没看出要改什么，记录没有变。可以这样说：「不对，是15条」「改成软中华」「不是张记，是旺旺」「下次周五去」「去掉软中华的断货」。",
    visit: (shop, day) => `${shop} ${format.day(day)} 的拜访`,
    promotion: (day) => `${format.day(day)} 的活动`,
  },
  redFlagAlert: (manager, shops, text) =>
    `⚠️ 合规提示：${manager} 在「${shops}」的拜访记录提到疑似违规做法（强制上柜、压货、搭售或超价销售），请关注。\n原文：「${text}」`,
};

/** How a reading is named inside a question. */
const READINGS_ZH = { stock: "库存", order: "订货", sale: "卖出" } as const;
