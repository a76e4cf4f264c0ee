/** What the bot understands, with examples, in the reader's language. */
import type { Lang, Role } from "../domain/roster.js";

const HELP: Record<Lang, { manager: string; supervisor: string }> = {
  zh: {
    manager: [
      "我是 Fieldmate 拜访助手。直接把拜访情况发给我就行，不用填表：",
      "· 「张记 中华断货 红塔山12条 理了柜台 下周三再去」",
      "· 「昨天去了老王家，软中华还有两条半，老板订了5条炫赫门」",
      "· 「今晚在张记搞了个品鉴会，来了20个人，卖了8条」",
      "我会把识别结果发回给你确认；说错了直接回「不对，是15条」或「撤销」。",
      "也可以问我：「今天去哪几家」「张记上次什么时候去的」。",
    ].join("\n"),
    supervisor: [
      "我是 Fieldmate 拜访助手。您可以问我团队情况：",
      "· 「团队今天情况」「谁还没报」",
      "· 「这周哪些店断软中华」「林志强今天跑了几家」",
      "也可以直接发拜访记录，和客户经理一样。",
    ].join("\n"),
  },
  en: {
    manager: [
      "I'm Fieldmate, your visit assistant. Just text me what happened — no forms:",
      "· \"Joe's OOS Coke Zero, 3 cs Sprite left, back Tue\"",
      "· \"Yesterday at Sunrise: 4 cases Dasani, owner ordered 2 cases Monster\"",
      "· \"Ran a Monster sampling at QS12, 42 people tried it, sold 9 cans\"",
      "I'll show you what I understood; fix it with \"no, 15 cases\" or \"undo\".",
      "You can also ask: \"what's my plan\", \"when did I last see Joe's\".",
    ].join("\n"),
    supervisor: [
      "I'm Fieldmate, your visit assistant. Ask me about your team:",
      "· \"how's the team doing today\", \"who hasn't reported today?\"",
      "· \"which stores are out of Coke Zero this week\"",
      "You can log visits yourself too, just like your managers.",
    ].join("\n"),
  },
};

export function helpText(lang: Lang, role: Role): string {
  return role === "manager" ? HELP[lang].manager : HELP[lang].supervisor;
}

/** For senders we do not know: both languages, since we cannot tell theirs. */
export const UNKNOWN_SENDER_TEXT = [
  "您好！这个账号还没有和 Fieldmate 的人员名单关联，暂时无法记录。请联系管理员为您开通（管理员运行 cli link 或发给您一个邀请码）。",
  "Hello! This account isn't linked to anyone on the Fieldmate roster yet, so I can't record anything. Please ask your admin to link you (they run `cli link` or send you an invite code).",
].join("\n\n");
