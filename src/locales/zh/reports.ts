import type { ReportMessages, Subject } from "../messages/reports.js";
import { format } from "./format.js";
import { words } from "./words.js";

const { percent, quantity, quote } = format;

/** The subject as a title names it. */
const title = (s: Subject) => (s.kind === "team" ? s.team : s.kind === "all" ? "全部团队" : s.name);
/** The subject inside a sentence: a manager's own shops are 你名下的. */
const who = (s: Subject) => (s.kind === "self" ? "你名下" : title(s));

export const reports: ReportMessages = {
  period(p) {
    if (p.kind === "day") {
      const day = format.day(p.day);
      return p.relative === "today" ? `今天 ${day}` : p.relative === "yesterday" ? `昨天 ${day}` : day;
    }
    const span = format.span(p.from, p.to);
    const relative = { thisWeek: "本周", lastWeek: "上周", thisMonth: "本月" } as const;
    return p.relative ? `${relative[p.relative]}（${span}）` : span;
  },
  subject: title,
  note(note) {
    switch (note.kind) {
      case "own_only":
        return "（客户经理只能查看自己的数据，以下是你本人的情况。）";
      case "other_team":
        return `（只能查看本组数据，${note.team}的情况请找该组主任或管理员。以下是本组情况。）`;
      case "not_visible":
        return `（提到的${note.count}人不在你的组里，没有列出。）`;
    }
  },
  noManagers: "没有找到可以查看的客户经理。",
  andMore: (list, total) => `${list} 等 ${total} 家`,
  stockLine(product, qty, unit) {
    if (qty === null) return `${product} 数量不详`;
    return unit ? `${product} ${quantity(qty, unit)}` : `${product} ${qty}（单位未知）`;
  },
  followUp: (followUp) => (followUp === "unspecified" ? "再跟进（未定日期）" : format.day(followUp)),

  buttons: { details: "明细", export: "导出表格", missedShops: "未覆盖明细" },

  status: {
    title: (s, when) => `${title(s)} · ${when}拜访情况`,
    member(m) {
      const parts: string[] = [];
      if (m.dayOff) parts.push("休息日");
      else if (m.plan === "none") parts.push("无计划");
      else if (m.plan) {
        parts.push(`完成计划 ${m.plan.done}/${m.plan.planned} 家（${percent(m.plan.done, m.plan.planned)}）`);
        if (m.plan.extra) parts.push(`计划外 ${m.plan.extra} 家`);
      }
      if (m.visits === 0 && m.promotions === 0) {
        if (!m.dayOff) parts.push("还没上报");
        return parts.join("，");
      }
      parts.push(
        m.visits === 0 ? "还没报拜访" : `拜访 ${m.visits} 家次${m.shops !== m.visits ? `（${m.shops} 家店）` : ""}`,
      );
      if (m.stockOuts) parts.push(`断货 ${m.stockOuts} 条`);
      if (m.promotions) parts.push(`促销 ${m.promotions} 场（触达 ${m.consumers} 人）`);
      if (m.redFlags) parts.push(`⚠️ 合规提示 ${m.redFlags} 条`);
      if (m.lastReport) parts.push(`最后上报 ${m.lastReport}`);
      return parts.join("，");
    },
    redFlagLabel: "⚠️ 合规提示",
    promotionOnly: (name) => `${name}（只报了促销活动）`,
    totals: (t) =>
      "合计：" +
      format.clauses([
        ...(t.planned === null ? [] : [`计划 ${t.planned} 家，完成 ${t.done} 家（${percent(t.done, t.planned)}）`]),
        `共拜访 ${t.visits} 家次`,
        `断货 ${t.stockOuts} 条`,
        `促销 ${t.promotions} 场${t.promotions ? `，触达 ${t.consumers} 人` : ""}`,
        `合规提示 ${t.redFlags} 条`,
      ]),
    silent: (names, oneDay) => `${oneDay ? "还没报拜访" : "期间无拜访记录"}：${names}`,
    planFiguresLimit: "（超过一周不按日计划统计完成数。）",
    detailsHeading: (s, when, total) => `${title(s)} · ${when}拜访明细（共 ${total} 家次）：`,
    memberHeading: (name, visits) => `${name}（${visits} 家次）：`,
    noVisits: "这段时间没有拜访记录。",
    moreInExport: (more) => `……另有 ${more} 条未列出，完整记录请点「导出表格」。`,
  },

  chart: {
    title: (s) => `${title(s)} 计划与完成`,
    caption: (s, when) => `${title(s)} · ${when}计划与完成`,
    legend: { planned: "计划", done: "已完成", extra: "计划外" },
  },

  record: {
    facts: (f) => [
      ...(f.outOfStock ? [`断货 ${f.outOfStock}`] : []),
      ...(f.listed ? [`新上柜 ${f.listed}`] : []),
      ...(f.ordered ? [`订货 ${f.ordered}`] : []),
      ...(f.feedback ? ["有老板反馈"] : []),
      ...(f.redFlag ? ["⚠️ 合规提示"] : []),
    ],
    reportedAt: (time, late) => `（${late ? `补报于 ${time}` : time}）`,
    promotionAt: (kind, shops) => `${kind}${shops ? ` @ ${shops}` : ""}`,
    featuring: (products) => `推 ${products}`,
    consumersReached: (n) => `触达 ${n} 人`,
    sold: (lines) => `售出 ${lines}`,
  },

  member: {
    title: (name, when) => `${name} · ${when}`,
    labels: {
      plan: "计划",
      visits: "拜访",
      stillOpen: "计划未访",
      stockOuts: "断货",
      promotion: "促销",
      redFlags: "⚠️ 合规提示",
    },
    dayOff: "休息日",
    plan: (planned, done, extra) =>
      `${planned} 家，已完成 ${done} 家（${percent(done, planned)}）${extra ? `，计划外 ${extra} 家` : ""}`,
    visits: (visits, shops) => `${visits} 家次${shops !== visits ? `（${shops} 家店）` : ""}`,
    moreInExport: (more) => `另有 ${more} 条，请导出查看`,
    stockOuts: (n) => `${n} 条`,
    redFlags: (n) => `${n} 条（见上方标记）`,
    lastReport: (time) => `最后上报 ${time}`,
    nothingYet: "这段时间还没有上报。",
  },

  notReported: {
    dayOff: (s, when) => `${when}是${title(s)}的休息日，不用报拜访。`,
    everyone: (s, when, people) => `${when}${title(s)} ${people} 人都已报拜访。`,
    some: (s, when, silent, people, names) =>
      `${when}${title(s)} ${people} 人中，还没报拜访的有 ${silent} 人：${names}。`,
    selfDone: (when, visits) => `${when}你已报拜访 ${visits} 家次。`,
    selfNone: (when, promotionOnly) => `${when}你还没报拜访${promotionOnly ? "（只报了促销活动）" : ""}。`,
    promotionOnly: (name) => `${name}（只报了促销活动）`,
    noVisits: "还没报拜访",
    visitsLastAt: (visits, at) => `${visits} 家次，最后上报 ${at}`,
  },

  coverage: {
    title: (s, when) => `${title(s)} · ${when}拜访覆盖（按分类拜访频次）`,
    segment: (segment, everyDays) => `${words.segment(segment)}（每 ${everyDays} 天）`,
    segmentFigures: (l) =>
      `应访 ${l.due} 家，已访 ${l.dueVisited} 家，覆盖率 ${percent(l.dueVisited, l.due)}；本期共到访 ${l.visited}/${l.shops} 家`,
    missed: (segment) => `未覆盖${words.segment(segment)}`,
    missedShop: (shop, manager) => `${shop}（${manager}）`,
    footer: (done, due) =>
      `合计应访 ${due} 家，已访 ${done} 家，覆盖率 ${percent(done, due)}。「应访」指按上次拜访日期和分类频次，本期内到期（或从未拜访）的店。`,
    nothing: "没有可统计的店。",
  },

  stockOuts: {
    none: (s, when, products) => `${when}${who(s)}没有店报告${products ?? "任何产品"}断货。`,
    forProducts: (s, when, products, shops, restocked) =>
      `${when}${who(s)}报告${products}断货的店共 ${shops} 家${restocked ? `（其中 ${restocked} 条之后已有库存）` : ""}：`,
    byProduct: (s, when, reports) => `${when}${who(s)}断货报告（按产品，共 ${reports} 条）：`,
    productHeading: (product, shops) => `${product}（${shops} 家）：`,
    backInStock: "（之后已有库存）",
  },

  promotions: {
    none: (s, when) => `${when}${who(s)}没有登记促销活动。`,
    summary: (s, when, sessions, consumers, sales) =>
      `${when}${who(s)}共开展促销活动 ${sessions} 场，触达消费者 ${consumers} 人${sales ? `，现场销售 ${sales}` : ""}。`,
    perMember: (name, sessions, consumers) => `${name} ${sessions} 场（${consumers} 人）`,
    byPerson: (list) => `按人：${list}`,
    unknownConsumers: (sessions) => `（有 ${sessions} 场没报触达人数，未计入。）`,
  },

  redFlags: {
    none: (s, when) => `${when}${who(s)}没有合规提示。`,
    heading: (s, when, flags) => `${when}${who(s)}合规提示 ${flags} 条，请逐条跟进核实：`,
    inTheirWords: (note) => `原话：${quote(note)}`,
  },

  export: {
    tooMany: (s, when, visits) => `${when}${who(s)}共 ${visits} 条拜访，太多了，请缩短时间或指定一个组再导出。`,
    title: (s, when, visits) => `${title(s)} ${when}拜访记录（${visits} 条）`,
    note: "表格里每行带记录编号，可与回执核对；下载链接 1 小时内有效。",
  },

  workbook: {
    visitsSheet: "拜访记录",
    linesSheet: "产品明细",
    visitColumns: [
      "日期",
      "客户经理",
      "零售户",
      "分类",
      "工作内容",
      "库存",
      "断货",
      "新上柜",
      "订货",
      "下次跟进",
      "老板反馈",
      "合规提示",
      "上报时间",
      "记录编号",
      "签到",
      "照片",
    ],
    lineColumns: ["日期", "客户经理", "零售户", "类型", "产品", "SKU", "数量", "单位", "记录编号"],
    lineKind: { stock: "库存", out_of_stock: "断货", listed: "新上柜", order: "订货" },
    yes: "有",
  },

  followUpQuestion: {
    report: {
      team_status: "情况明细",
      member_detail: "拜访明细",
      not_reported: "谁没报",
      coverage: "覆盖明细",
      stock_outs: "断货明细",
      promotions: "促销明细",
      red_flags: "合规明细",
      export: "拜访记录导出",
    },
    people: (names) => names.join("、"),
    teamWord: "团队",
    questionMark: "？",
  },
};
