/** Answers about one shop's history ("张记上次什么时候去的" / "when did I last see Joe's"). */
export interface HistoryMessages {
  whichShop(mention: string): string;
  /** The choice that re-asks the question about one candidate shop. */
  askAbout(shop: string): string;
  noShopNamed: string;
  notYourRoute(shop: string): string;
  noVisits(shop: string): string;
  lastVisit: string;
  before: string;
  /** （今天）/ (today), after the last visit's day. */
  ago(days: number): string;
  /** ，黄丽萍 / , Jake — who visited. */
  by(name: string): string;
  openStockOuts: string;
  ownerFeedback: string;
  manager(name: string): string;
}
