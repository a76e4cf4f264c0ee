/**
 * What the load benchmarks send: visit reports from the test roster's managers, each to one of the
 * manager's own shops, over Slack HTTP events (signed as Slack signs them, answered through the
 * fake Slack Web API) or over the web chat's JSON API. A sender waits for its answer before its
 * next report, as a person does.
 */

import { importRoster } from "../../../src/roster/import-roster.js";
import { openDatabase } from "../../../src/store/database.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import type { FakeSlackApi } from "../../../test/channels/slack/fake-slack-api.js";
import { eventBody, postToSlackEndpoint } from "../../../test/channels/slack/signed-requests.js";
import { TEST_ROSTER } from "../../../test/support/fixtures.js";

export const BOT_TOKEN = "xoxb-bench-token";
/** A report with no answer after this long is counted as unanswered, not waited for. */
const ANSWER_WAIT_MS = 10_000;

export interface Sender {
  person: string;
  slackUser: string;
  /** The DM channel Slack would name for this user and the bot. */
  dm: string;
  shops: string[];
  lang: "zh" | "en";
}

const FACTS = {
  zh: ["软中华断货", "红塔山12条", "软中华3条 红塔山断货", "红塔山5条"],
  en: ["out of Coke Zero", "ordered 5 cases of Sprite", "Diet Coke 2L out of stock", "Fanta Orange 2L 4 cases"],
};

/** A report for the sender's i-th turn: one of their shops and a fact about stock or an order. */
export function reportText(sender: Sender, i: number): string {
  const facts = FACTS[sender.lang];
  return `${sender.shops[i % sender.shops.length]} ${facts[i % facts.length]}`;
}

/** Imports the test roster into a fresh database and links each manager to a Slack user; returns the senders. */
export async function prepareSenders(databaseUrl: string, count: number): Promise<Sender[]> {
  const database = await openDatabase(databaseUrl);
  try {
    await importRoster(database.db, TEST_ROSTER);
    const roster = new RosterStore(database.db);
    const managers = (await roster.people()).filter((p) => p.role === "manager").slice(0, count);
    const senders: Sender[] = [];
    for (const m of managers) {
      const slackUser = `U${m.id}`;
      await roster.link(m.id, "slack", slackUser);
      // Branch names ("永辉超市(铁山镇店)") share a chain's name: the bot would ask which one.
      const shops = await database.db.retailer.findMany({
        where: { managerId: m.id, NOT: { name: { contains: "(" } } },
        take: 8,
        orderBy: { id: "asc" },
      });
      senders.push({ person: m.id, slackUser, dm: `D${m.id}`, shops: shops.map((s) => s.name), lang: m.lang });
    }
    return senders;
  } finally {
    await database.close();
  }
}

/**
 * Sends DMs to a Slack events URL and times each to the first chat.postMessage into that DM at the
 * fake Slack. Messages that arrive after a first reply (a receipt's second part) are waited out by
 * `settle` before the sender's next turn, so they are never taken for the next answer.
 */
export function slackDriver(fake: FakeSlackApi, eventsUrl: string) {
  const waiting = new Map<string, () => void>();
  const lastAt = new Map<string, number>();
  let seq = 0;
  fake.onCall((call) => {
    if (call.method !== "chat.postMessage") return;
    const channel = String(call.args.channel);
    lastAt.set(channel, performance.now());
    const resolve = waiting.get(channel);
    if (resolve) {
      waiting.delete(channel);
      resolve();
    }
  });
  return {
    /** Posts a DM from `user` in `dm`; resolves with ms until its first reply reached Slack. */
    async send(user: string, dm: string, text: string): Promise<number> {
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
      let timer: NodeJS.Timeout | undefined;
      const answered = new Promise<void>((resolve, reject) => {
        waiting.set(dm, resolve);
        timer = setTimeout(() => {
          waiting.delete(dm);
          reject(new Error(`no answer in ${dm} within ${ANSWER_WAIT_MS} ms`));
        }, ANSWER_WAIT_MS);
      });
      const started = performance.now();
      const event = { type: "message", channel_type: "im", channel: dm, user, text, ts };
      const posted = await postToSlackEndpoint(eventsUrl, eventBody(`Ev${seq}`, event));
      if (posted.status !== 200) throw new Error(`Slack events answered ${posted.status}: ${posted.text}`);
      await answered.finally(() => clearTimeout(timer));
      return performance.now() - started;
    },
    /** Waits until nothing more has arrived in `dm` for `quietMs`. */
    async settle(dm: string, quietMs = 15): Promise<void> {
      for (;;) {
        const since = performance.now() - (lastAt.get(dm) ?? 0);
        if (since >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, quietMs - since));
      }
    },
  };
}

/** Posts to the web chat's JSON API as `from` (demo mode); resolves with the round trip in ms. */
export async function sendWeb(baseUrl: string, from: string, text: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ from, text }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`web API answered ${response.status}: ${body}`);
  return performance.now() - started;
}
