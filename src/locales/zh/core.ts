import type { CoreMessages } from "../messages/core.js";

export const core: CoreMessages = {
  replyWithNumber: (n) => `回复 ${Array.from({ length: n }, (_, i) => i + 1).join(" 或 ")}`,
  noText: "没收到文字内容。直接把拜访情况打字发给我就行。",
  nothingToRead: "这条没看到文字内容，没有记录。要记拜访，直接发「店名 + 情况」，例如「张记 中华断货 红塔山12条」。",
  otherLanguage: "抱歉，我目前只看得懂中文和英文。Sorry, I only understand Chinese and English.",
  failed: "抱歉，处理这条消息时出错了，消息已保存，请稍后再试。",
  tooLong: (cap) => `这条消息太长了（超过 ${cap} 字），已经保存，但没有读取。请分成几条发，每条写一两家店。`,
  unknownSender:
    "您好！这个账号还没有和 Fieldmate 的人员名单关联，暂时无法记录。请联系管理员为您开通（管理员运行 cli link 或发给您一个邀请码）。",
  notAvailable: "这项查询暂未开启。",
};
