import type { ReportMessages, Subject } from "../messages/reports.js";
import { format } from "./format.js";
import { words } from "./words.js";

const { count, percent, quantity, quote } = format;

/** The subject as a title names it. */
const title = (s: Subject) => (s.kind === "team" ? s.team : s.kind === "all" ? "All teams" : s.name);
/** The subject after a noun: "red flags on Austin North", "… across all teams", "… for you". */
const on = (s: Subject) => (s.kind === "team" ? `on ${s.team}` : s.kind === "all" ? "across all teams" : "for you");
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "brand store" → "Brand stores": a segment as a heading. */
const segments = (segment: string) => `${capital(words.segment(segment))}s`;

export const reports: ReportMessages = {
  period(p) {
    if (p.kind === "day") {
      const day = format.day(p.day);
      return p.relative === "today" ? `today (${day})` : p.relative === "yesterday" ? `yesterday (${day})` : day;
    }
    const span = format.span(p.from, p.to);
    const relative = { thisWeek: "this week", lastWeek: "last week", thisMonth: "this month" } as const;
    return p.relative ? `${relative[p.relative]} (${span})` : span;
  },
  subject: title,
  note(note) {
    switch (note.kind) {
      case "own_only":
        return "(Reps can only see their own figures, so these are yours.)";
      case "other_team":
        return `(You can only see your own team; ask ${note.team}'s lead or an admin for theirs. Here is your team.)`;
      case "not_visible":
        return note.count === 1
          ? "(One of the people you named is not on your team and was left out.)"
          : `(${note.count} of the people you named are not on your team and were left out.)`;
    }
  },
  noManagers: "There are no reps here for you to see.",
  andMore: (list, _total, more) => `${list} and ${more} more`,
  stockLine(product, qty, unit) {
    if (qty === null) return `${product}: some (no count)`;
    return unit ? `${product}: ${quantity(qty, unit)}` : `${product}: ${qty} (unit not given)`;
  },
  followUp: (followUp) => (followUp === "unspecified" ? "later (no day set)" : format.day(followUp)),

  buttons: { details: "Details", export: "Export", missedShops: "All missed stores" },

  status: {
    title: (s, when) => `${title(s)} · ${when}`,
    member(m) {
      const parts: string[] = [];
      if (m.dayOff) parts.push("day off");
      else if (m.plan === "none") parts.push("no plan");
      else if (m.plan) {
        parts.push(`${m.plan.done} of ${m.plan.planned} planned visits done (${percent(m.plan.done, m.plan.planned)})`);
        if (m.plan.extra) parts.push(`${count(m.plan.extra, "visit")} off plan`);
      }
      if (m.visits === 0 && m.promotions === 0) {
        if (!m.dayOff) parts.push("nothing logged yet");
        return parts.join(" · ");
      }
      parts.push(
        m.visits === 0
          ? "no visits logged"
          : `${count(m.visits, "visit")}${m.shops !== m.visits ? ` at ${count(m.shops, "shop")}` : ""}`,
      );
      if (m.stockOuts) parts.push(count(m.stockOuts, "stockOut"));
      if (m.promotions) parts.push(`${count(m.promotions, "promotion")} (${count(m.consumers, "consumer")} reached)`);
      if (m.redFlags) parts.push(`⚠️ ${count(m.redFlags, "redFlag")}`);
      if (m.lastReport) parts.push(`last report ${m.lastReport}`);
      return parts.join(" · ");
    },
    redFlagLabel: "⚠️ Red flag",
    promotionOnly: (name) => `${name} (promotion only)`,
    totals: (t) =>
      "Total: " +
      format.clauses([
        ...(t.planned === null
          ? []
          : [`${t.done} of ${t.planned} planned visits done (${percent(t.done, t.planned)})`]),
        count(t.visits, "visit"),
        count(t.stockOuts, "stockOut"),
        `${count(t.promotions, "promotion")}${t.promotions ? ` (${count(t.consumers, "consumer")} reached)` : ""}`,
        count(t.redFlags, "redFlag"),
      ]),
    silent: (names, oneDay) => `${oneDay ? "No visits logged yet" : "No visits logged"}: ${names}`,
    planFiguresLimit: "(Plan figures are given for periods of up to a week.)",
    detailsHeading: (s, when, total) => `${title(s)} · visits ${when} (${total} in all):`,
    memberHeading: (name, visits) => `${name} (${count(visits, "visit")}):`,
    noVisits: "No visits logged in this period.",
    moreInExport: (more) => `…and ${more} more; use Export for the full list.`,
  },

  chart: {
    title: (s) => `${title(s)}: planned vs done`,
    caption: (s, when) => `${title(s)}: planned vs done, ${when}`,
    legend: { planned: "Planned", done: "Done", extra: "Off plan" },
  },

  record: {
    facts: (f) => [
      ...(f.outOfStock ? [`out of ${f.outOfStock}`] : []),
      ...(f.listed ? [`listed ${f.listed}`] : []),
      ...(f.ordered ? [`ordered ${f.ordered}`] : []),
      ...(f.feedback ? ["owner feedback"] : []),
      ...(f.redFlag ? ["⚠️ red flag"] : []),
    ],
    reportedAt: (time, late) => ` (${late ? `logged ${time}` : time})`,
    promotionAt: (kind, shops) => `${kind}${shops ? ` at ${shops}` : ""}`,
    featuring: (products) => `featuring ${products}`,
    consumersReached: (n) => `${count(n, "consumer")} reached`,
    sold: (lines) => `sold ${lines}`,
  },

  member: {
    title: (name, when) => `${name} · ${when}`,
    labels: {
      plan: "Plan",
      visits: "Visits",
      stillOpen: "Still to visit",
      stockOuts: "Stock-outs",
      promotion: "Promotion",
      redFlags: "⚠️ Red flags",
    },
    dayOff: "Day off",
    plan: (planned, done, extra) =>
      `${done} of ${planned} done (${percent(done, planned)})${extra ? `, ${count(extra, "visit")} off plan` : ""}`,
    visits: (visits, shops) => `${count(visits, "visit")}${shops !== visits ? ` at ${count(shops, "shop")}` : ""}`,
    moreInExport: (more) => `${more} more in the export`,
    stockOuts: (n) => count(n, "stockOut"),
    redFlags: (n) => `${count(n, "redFlag")}, marked above`,
    lastReport: (time) => `Last report ${time}`,
    nothingYet: "Nothing logged in this period yet.",
  },

  notReported: {
    dayOff: (s, when) => `${capital(when)} is a day off for ${title(s)}; no visits expected.`,
    everyone: (s, when, people) =>
      people === 1
        ? `The one rep ${on(s)} has logged visits ${when}.`
        : `All ${count(people, "manager")} ${on(s)} have logged visits ${when}.`,
    some: (s, when, silent, people, names) =>
      `${silent} of ${count(people, "manager")} ${on(s)} ${silent === 1 ? "hasn't" : "haven't"} logged visits ${when}: ${names}.`,
    selfDone: (when, visits) => `You have logged ${count(visits, "visit")} ${when}.`,
    selfNone: (when, promotionOnly) =>
      `You haven't logged any visits ${when}${promotionOnly ? " (only a promotion)" : ""}.`,
    promotionOnly: (name) => `${name} (logged a promotion only)`,
    noVisits: "no visits logged",
    visitsLastAt: (visits, at) => `${count(visits, "visit")}, last at ${at}`,
  },

  coverage: {
    title: (s, when) => `${title(s)} · visit coverage ${when}, by store type`,
    segment: (segment, everyDays) => `${segments(segment)}, every ${everyDays === 1 ? "day" : `${everyDays} days`}`,
    segmentFigures: (l) =>
      `visited ${l.dueVisited} of ${l.due} due (${percent(l.dueVisited, l.due)}); ${l.visited} of ${count(l.shops, "shop")} visited in all`,
    missed: (segment) => `Missed ${segments(segment).toLowerCase()}`,
    missedShop: (shop, manager) => `${shop} (${manager})`,
    footer: (done, due) =>
      `In all, ${done} of ${count(due, "shop")} due were visited (${percent(done, due)}). A store is due when its last visit and its type's visit frequency put the next visit in this period, or it was never visited.`,
    nothing: "No stores to count.",
  },

  stockOuts: {
    none: (s, when, products) =>
      s.kind === "self"
        ? `None of your stores reported ${products ?? "anything"} out of stock ${when}.`
        : `No store ${on(s)} reported ${products ?? "anything"} out of stock ${when}.`,
    forProducts: (s, when, products, shops, restocked) =>
      `${count(shops, "shop")} ${on(s)} reported ${products} out of stock ${when}${restocked ? ` (${restocked} back in stock since)` : ""}:`,
    byProduct: (s, when, reports) => `${capital(count(reports, "stockOut"))} ${on(s)} ${when}, by product:`,
    productHeading: (product, shops) => `${product} (${count(shops, "shop")}):`,
    backInStock: " (back in stock since)",
  },

  promotions: {
    none: (s, when) =>
      s.kind === "self" ? `You logged no promotions ${when}.` : `No promotions logged ${on(s)} ${when}.`,
    summary: (s, when, sessions, consumers, sales) =>
      `${count(sessions, "promotion")} ${on(s)} ${when}, ${count(consumers, "consumer")} reached${sales ? `, sold ${sales}` : ""}.`,
    perMember: (name, sessions, consumers) => `${name} ${count(sessions, "promotion")} (${consumers} reached)`,
    byPerson: (list) => `By person: ${list}`,
    unknownConsumers: (sessions) =>
      `(${count(sessions, "promotion")} did not say how many consumers came; not counted.)`,
  },

  redFlags: {
    none: (s, when) => `No red flags ${on(s)} ${when}.`,
    heading: (s, when, flags) => `${count(flags, "redFlag")} ${on(s)} ${when}; please follow up on each:`,
    inTheirWords: (note) => `In their words: ${quote(note)}`,
  },

  export: {
    tooMany: (s, when, visits) =>
      `${count(visits, "visit")} ${on(s)} ${when} is too many for one file; please pick a shorter period or one team.`,
    title: (s, when, visits) => `${title(s)} visits ${when} (${visits})`,
    note: "Each row carries the record reference from the receipt; the link works for an hour.",
  },

  workbook: {
    visitsSheet: "Visits",
    linesSheet: "Product lines",
    visitColumns: [
      "Date",
      "Rep",
      "Store",
      "Store type",
      "Activities",
      "Stock",
      "Out of stock",
      "Listed",
      "Orders",
      "Follow-up",
      "Owner feedback",
      "Red flag",
      "Reported at",
      "Reference",
      "Check-in",
      "Photos",
    ],
    lineColumns: ["Date", "Rep", "Store", "Kind", "Product", "SKU", "Qty", "Unit", "Reference"],
    lineKind: { stock: "stock", out_of_stock: "out of stock", listed: "listed", order: "order" },
    yes: "yes",
  },

  followUpQuestion: {
    report: {
      team_status: "status details",
      member_detail: "visit details",
      not_reported: "who hasn't reported",
      coverage: "coverage details",
      stock_outs: "stock-out details",
      promotions: "promotion details",
      red_flags: "compliance details",
      export: "export visits",
    },
    people: (names) => names.join(" and "),
    teamWord: "team",
    questionMark: "?",
  },
};
