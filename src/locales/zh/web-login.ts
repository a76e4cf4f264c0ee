import type { WebLoginMessages } from "../messages/web-login.js";

export const webLogin: WebLoginMessages = {
  phrases: ["网页登录", "网页登陆", "登录网页", "登录网页版", "网页版登录", "网页版"],
  link: (url, minutes) =>
    `这是您的网页版登录链接，${minutes} 分钟内有效，只能用一次，请勿转发：\n${url}\n用手机或电脑的浏览器打开即可。`,
  alreadyHere: "您已经在网页版上了。要在另一台设备登录，请在微信、企业微信或 Slack 上给我发「网页登录」。",
};
