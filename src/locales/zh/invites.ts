import type { InviteMessages } from "../messages/invites.js";

export const invites: InviteMessages = {
  welcome: (name) =>
    `欢迎，${name}！这个账号已经和您在 Fieldmate 的名单关联好了。直接把拜访情况发给我就行，发「帮助」看看我能做什么。`,
  unknownCode: (code) => `邀请码 ${code} 不存在，请核对后重新发送，或请管理员重新生成一个。`,
  expiredCode: (code, days) => `邀请码 ${code} 已过期（有效期 ${days} 天），请管理员重新生成一个。`,
  usedCode: (code) => `邀请码 ${code} 已经用过了，每个码只能用一次。请管理员重新生成一个。`,
};
