import type { InviteMessages } from "../messages/invites.js";

export const invites: InviteMessages = {
  welcome: (name) =>
    `欢迎，${name}！这个账号已经和您在 Fieldmate 的名单关联好了。直接把拜访情况发给我就行，发「帮助」看看我能做什么。`,
  invalidCode: (code) => `邀请码 ${code} 无效：可能输错了、已经用过或已过期。请核对后重发，或请管理员重新生成一个。`,
  tooManyAttempts: (minutes) => `邀请码错误次数太多，请 ${minutes} 分钟后再试，或联系管理员。`,
};
