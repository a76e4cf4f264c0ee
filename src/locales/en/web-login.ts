import type { WebLoginMessages } from "../messages/web-login.js";

export const webLogin: WebLoginMessages = {
  phrases: ["web login", "web sign in", "web sign-in", "login link", "sign-in link"],
  link: (url, minutes) =>
    `Here is your web chat sign-in link. It works once, for ${minutes} minutes; please don't forward it:\n${url}\nOpen it in the browser on your phone or computer.`,
  alreadyHere:
    "You're on the web chat already. To sign in on another device, send “web login” to me on WeChat, WeCom or Slack.",
};
