import type { HistoryMessages } from "../messages/history.js";

export const history: HistoryMessages = {
  whichShop: (mention) => `「${mention}」有好几家，问的是哪一家？`,
  askAbout: (shop) => `${shop}上次什么时候去的`,
  noShopNamed: "问的是哪家店？请带上店名，例如「张记上次什么时候去的」。",
  notYourRoute: (shop) => `${shop} 不在您组的片区，看不到它的记录。`,
  noVisits: (shop) => `${shop} 还没有拜访记录。`,
  lastVisit: "上次拜访",
  before: "之前",
  ago: (days) => (days === 0 ? "（今天）" : days === 1 ? "（昨天）" : `（${days}天前）`),
  by: (name) => `，${name}`,
  openStockOuts: "未解决的断货",
  ownerFeedback: "老板反馈",
  manager: (name) => `负责人：${name}`,
};
