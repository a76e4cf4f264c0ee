/**
 * Stand-ins for what the web chat needs from the rest of Fieldmate: a tiny echoing core,
 * a fixed roster and a logger that remembers. The HTTP layer under test is the real one.
 */
import { LiveFeed } from "../../../src/channels/web/live-feed.js";
import type { WebChatDeps } from "../../../src/channels/web/web-server.js";
import type { InboundMessage, Reply } from "../../../src/domain/messages.js";
import type { Person } from "../../../src/domain/roster.js";

export const PEOPLE: Person[] = [
  {
    id: "m-zhang",
    name: "张伟",
    role: "manager",
    team: "新罗一组",
    supervisorId: "s-li",
    lang: "zh",
    timezone: "Asia/Shanghai",
    email: "zhang@example.com",
  },
  {
    id: "s-li",
    name: "李娜",
    role: "supervisor",
    team: "新罗一组",
    supervisorId: null,
    lang: "zh",
    timezone: "Asia/Shanghai",
    email: null,
  },
  {
    id: "m-amy",
    name: "Amy Chen",
    role: "manager",
    team: "Bay Beverages",
    supervisorId: null,
    lang: "en",
    timezone: "America/Los_Angeles",
    email: null,
  },
];

const CHOICES_REPLY: Reply = {
  kind: "choices",
  text: "哪一家？ / Which shop?",
  choices: [
    { label: "胡记超市", value: "1" },
    { label: "胡记便利店", value: "2" },
  ],
};

const CARD_REPLY: Reply = {
  kind: "card",
  title: "已记录拜访 / Visit logged",
  lines: [
    { label: "店铺 / Shop", value: "胡记便利店" },
    { label: "缺货 / Out of stock", value: "软中华" },
  ],
  actions: [
    { label: "修改 / Edit", value: "修改" },
    { label: "撤销 / Undo", value: "撤销" },
  ],
  footer: "回复「撤销」可撤回 / Reply undo to take it back",
};

interface LogLine {
  level: "info" | "warn" | "error";
  obj: object;
  msg?: string;
}

/** A fake core: "choices" and "card" answer with those replies, "boom" throws, anything else is echoed. */
export function fakeWebDeps(overrides: Partial<WebChatDeps> = {}) {
  const calls: InboundMessage[] = [];
  const logs: LogLine[] = [];
  const liveFeed = new LiveFeed();
  const deps: WebChatDeps = {
    async handle(message) {
      calls.push(message);
      if (message.text === "choices") return [CHOICES_REPLY];
      if (message.text === "card") return [CARD_REPLY];
      if (message.text === "boom") throw new Error("database exploded at /secret/path.ts:42");
      return [{ kind: "text", text: `echo: ${message.text}` }];
    },
    async findPerson(id) {
      return PEOPLE.find((p) => p.id === id) ?? null;
    },
    async listPeople() {
      return PEOPLE;
    },
    liveFeed,
    demoMode: true,
    logger: {
      info: (obj, msg) => logs.push({ level: "info", obj, msg }),
      warn: (obj, msg) => logs.push({ level: "warn", obj, msg }),
      error: (obj, msg) => logs.push({ level: "error", obj, msg }),
    },
    ...overrides,
  };
  return { deps, calls, logs, liveFeed: deps.liveFeed };
}
