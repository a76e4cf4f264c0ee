import type { HistoryMessages } from "../messages/history.js";

export const history: HistoryMessages = {
  whichShop: (mention) => `Which "${mention}" do you mean?`,
  askAbout: (shop) => `when did we last see ${shop}`,
  noShopNamed: 'Which store? Include its name, e.g. "when did I last see Joe\'s".',
  notYourRoute: (shop) => `${shop} isn't on your team's route, so I can't show its records.`,
  noVisits: (shop) => `There are no visits to ${shop} on record yet.`,
  lastVisit: "Last visit",
  before: "Before",
  ago: (days) => (days === 0 ? " (today)" : days === 1 ? " (yesterday)" : ` (${days} days ago)`),
  by: (name) => `, ${name}`,
  openStockOuts: "Open stock-outs",
  ownerFeedback: "Owner said",
  manager: (name) => `Rep: ${name}`,
};
