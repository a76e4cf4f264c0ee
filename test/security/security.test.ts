/**
 * Every attack of issue 14 tried against the real server over HTTP, as `npm start` wires it (DEMO_MODE
 * off, Slack over HTTP against a local fake Slack API), on SQLite and on PostgreSQL. A second instance
 * on the same database stands where PUBLIC_URL points, as a load balancer's other half would.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { runPerson } from "../../src/cli/person-command.js";
import { parseConfig } from "../../src/config/config.js";
import { messagesFor } from "../../src/locales/index.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { openDatabase } from "../../src/store/database.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { SignInLinkStore } from "../../src/store/sign-in-link-store.js";
import { SignInLinks } from "../../src/web-login/sign-in-links.js";
import { type FakeSlackApi, startFakeSlackApi } from "../channels/slack/fake-slack-api.js";
import { eventBody, postToSlackEndpoint, SIGNING_SECRET } from "../channels/slack/signed-requests.js";
import { PROVIDERS, type ScratchDatabase } from "../support/databases.js";
import { TEST_ROSTER } from "../support/fixtures.js";

interface WireReply {
  kind: string;
  text?: string;
  url?: string;
  title?: string;
}

/** A raw request, for what fetch will not send (a foreign Host header). */
function rawRequest(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on("error", reject);
  });
}

/** Reads an event stream until `done` holds for what came so far, or the server ends it. */
async function readStream(res: Response, done: (text: string) => boolean): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

const slackTs = (offset: number) => `${Math.floor(Date.now() / 1000)}.${String(100 + offset).padStart(6, "0")}`;

describe.each(PROVIDERS)("the attacks of issue 14 against the real server on $name", ({ create }) => {
  let scratch: ScratchDatabase;
  let fake: FakeSlackApi;
  /** The instance Slack talks to. */
  let app: App;
  /** Another instance on the same database: where PUBLIC_URL (the load balancer) sends people. */
  let other: App;
  let links: SignInLinks;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    scratch = await create();
    const database = await openDatabase(scratch.url);
    await importRoster(database.db, TEST_ROSTER);
    const roster = new RosterStore(database.db);
    await roster.link("S01", "slack", "USUP"); // 陈建华, supervisor of 新罗一组
    await roster.link("M03", "slack", "UZHANG"); // 张伟
    await database.close();
    const base = {
      DATABASE_URL: scratch.url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      SCHEDULER: "false",
      LOAD_DEMO_DATA: "false",
      DEMO_MODE: "false",
    };
    other = await startApp(parseConfig(base));
    app = await startApp(
      parseConfig({
        ...base,
        PUBLIC_URL: other.url,
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      }),
    );
    links = new SignInLinks(new SignInLinkStore(app.database.db), () => app.url);
  });

  afterAll(async () => {
    await app?.stop();
    await other?.stop();
    await fake?.close();
    await scratch?.drop();
  });

  /** Signs a person in through a one-time link, as their browser would; remembers the cookie. */
  async function signIn(personId: string, on: App = app): Promise<string> {
    const { url } = await links.create(personId);
    const res = await fetch(url.replace(app.url, on.url), { redirect: "manual" });
    expect(res.status).toBe(303);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    cookies.set(personId, cookie);
    return cookie;
  }

  async function post(on: App, body: unknown, cookie?: string) {
    const res = await fetch(`${on.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { replies?: WireReply[]; error?: string } };
  }

  it("impersonation: no session is 401, another person's from is 403, the session's own person works on either instance", async () => {
    expect((await post(app, { from: "M01", text: "王记小卖部 软中华断货" })).status).toBe(401);
    const cookie = await signIn("M01");
    const forged = await post(app, { from: "S01", text: "导出本月拜访记录" }, cookie);
    expect(forged.status).toBe(403);
    expect(forged.body.error).toBe("not_yours");
    const own = await post(app, { text: "王记小卖部 软中华断货，老周副食店 硬中华10条" }, cookie);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body.replies)).toContain("王记小卖部");
    // Sessions live in the database: the other instance knows this one too.
    expect((await post(other, { text: "帮助" }, cookie)).status).toBe(200);
    const rows = await app.database.db.inboundMessage.findMany({
      where: { channel: "web" },
      select: { personId: true },
    });
    expect(new Set(rows.map((r) => r.personId))).toEqual(new Set(["M01"]));
  });

  it("a reused sign-in link is refused with a clear page, on any instance", async () => {
    const { url } = await links.create("M02");
    expect((await fetch(url, { redirect: "manual" })).status).toBe(303);
    const again = await fetch(url.replace(app.url, other.url), { redirect: "manual" });
    expect(again.status).toBe(410);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await again.text()).toContain("这个登录链接已经用过或已过期");
  });

  it("another person's event stream and pushes are refused; one's own stream carries only one's own pushes", async () => {
    const cookie = cookies.get("M01") ?? (await signIn("M01"));
    const headers = { Cookie: cookie };
    expect((await fetch(`${app.url}/api/events?person=S01`, { headers })).status).toBe(403);
    expect((await fetch(`${app.url}/api/pushes?person=S01`, { headers })).status).toBe(403);
    expect((await fetch(`${app.url}/api/events?person=S01`)).status).toBe(401);

    const controller = new AbortController();
    const stream = await fetch(`${app.url}/api/events`, { headers, signal: controller.signal });
    expect(stream.status).toBe(200);
    await vi.waitFor(() => expect(app.liveFeed.watching("M01")).toBe(true));
    app.liveFeed.publish("S01", [{ kind: "text", text: "for the supervisor only" }]);
    app.liveFeed.publish("M01", [{ kind: "text", text: "早上好，林志强" }]);
    const text = await readStream(stream, (t) => t.includes("早上好"));
    expect(text).not.toContain("for the supervisor only");
    controller.abort();
  });

  it("a foreign Host header gets 421 everywhere but the health probe", async () => {
    for (const path of ["/", "/api/session", "/api/messages", "/login/x", "/files/x/y.png", "/slack/events"]) {
      expect(await rawRequest(`${app.url}${path}`, { Host: "attacker.example" }), path).toBe(421);
    }
    expect(await rawRequest(`${app.url}/healthz`, { Host: "attacker.example" })).toBe(200);
  });

  it("a file link without its signature, with a changed one or a changed expiry is refused; the signed one works on both instances", async () => {
    const cookie = await signIn("S01");
    const replies = (await post(app, { text: "团队今天情况" }, cookie)).body.replies!;
    const chart = replies.find((r) => r.kind === "image")!;
    expect(chart.url).toMatch(/^\/files\/[\w-]+\/team-status-[\d-]+\.png\?expires=\d+&sig=[\w-]+$/);
    for (const on of [app, other]) {
      const res = await fetch(`${on.url}${chart.url}`);
      expect(res.status).toBe(200);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 4)
          .toString("hex"),
      ).toBe("89504e47");
    }
    const bad = [
      chart.url!.split("?")[0]!,
      chart.url!.replace(/sig=(.)/, (_m, c: string) => `sig=${c === "A" ? "B" : "A"}`),
      chart.url!.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 86_400 * 365}`),
    ];
    for (const url of bad) expect((await fetch(`${other.url}${url}`)).status, url).toBe(403);
  });

  it("a team export asked for in a Slack channel goes to the asker's DM; the channel gets one line and no file", async () => {
    fake.reset();
    const ts = slackTs(1);
    const sent = await postToSlackEndpoint(
      `${app.url}/slack/events`,
      eventBody(`EvExport-${ts}`, {
        type: "app_mention",
        channel: "C0TEAM",
        user: "USUP",
        text: "<@UBOT> 导出本周拜访记录",
        ts,
      }),
    );
    expect(sent.status).toBe(200);
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage")).toHaveLength(2), { timeout: 10_000 });
    const [answer, note] = fake.callsTo("chat.postMessage");
    expect(answer!.args.channel).toBe("USUP");
    const exported = JSON.stringify(answer!.args.blocks);
    expect(exported).toContain(`${other.url}/files/`);
    expect(exported).toContain(".xlsx");
    expect(note!.args).toMatchObject({ channel: "C0TEAM", thread_ts: ts });
    expect(note!.args.text).toBe(messagesFor("zh").channels.answeredPrivately);
    // Nothing else reached the channel: no upload, no second message.
    const toChannel = fake.calls.filter((c) => JSON.stringify(c.args).includes("C0TEAM"));
    expect(toChannel).toHaveLength(1);
  });

  it("Slack's image blocks point at signed file links that the other instance serves", async () => {
    fake.reset();
    const ts = slackTs(2);
    await postToSlackEndpoint(
      `${app.url}/slack/events`,
      eventBody(`EvChart-${ts}`, {
        type: "message",
        channel_type: "im",
        channel: "DSUP",
        user: "USUP",
        text: "团队今天情况",
        ts,
      }),
    );
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage").length).toBeGreaterThan(0), { timeout: 10_000 });
    const blocks = fake
      .callsTo("chat.postMessage")
      .flatMap((c) => c.args.blocks as { type: string; image_url?: string }[]);
    const image = blocks.find((b) => b.type === "image")!;
    expect(image.image_url).toMatch(
      new RegExp(`^${other.url}/files/[\\w-]+/team-status-[\\d-]+\\.png\\?expires=\\d+&sig=[\\w-]+$`),
    );
    // Fetched as Slack would: no cookie, no token, from the instance behind PUBLIC_URL.
    const res = await fetch(image.image_url!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
  });

  it("a deactivated person is refused on the web and on Slack, and their sessions end", async () => {
    const cookie = await signIn("M03");
    expect((await post(app, { text: "帮助" }, cookie)).status).toBe(200);
    const out = { write: () => true } as unknown as NodeJS.WritableStream;
    expect(await runPerson(app.database.db, ["deactivate", "M03"], out, out)).toBe(0);

    expect((await post(app, { text: "帮助" }, cookie)).status).toBe(401);
    expect((await post(other, { text: "帮助" }, cookie)).status).toBe(401);
    const { url } = await links.create("M03");
    expect((await fetch(url, { redirect: "manual" })).status).toBe(410);

    fake.reset();
    const ts = slackTs(3);
    await postToSlackEndpoint(
      `${app.url}/slack/events`,
      eventBody(`EvGone-${ts}`, {
        type: "message",
        channel_type: "im",
        channel: "DZHANG",
        user: "UZHANG",
        text: "今天去哪几家",
        ts,
      }),
    );
    await vi.waitFor(() => expect(fake.callsTo("chat.postMessage")).toHaveLength(1), { timeout: 10_000 });
    expect(fake.callsTo("chat.postMessage")[0]!.args.text).toBe(messagesFor("zh").channels.deactivated);
  });

  it("rate limits: sign-in attempts from one address and API calls of one person end in 429 with Retry-After", async () => {
    let signInStatus = 0;
    let tries = 0;
    while (signInStatus !== 429 && tries < 20) {
      tries++;
      signInStatus = (await fetch(`${other.url}/login/${"g".repeat(43)}`, { redirect: "manual" })).status;
    }
    expect(signInStatus).toBe(429);
    expect(tries).toBeLessThanOrEqual(11);

    const headers = { Cookie: cookies.get("M01")! };
    let last: Response | null = null;
    for (let i = 0; i < 130 && last?.status !== 429; i++) last = await fetch(`${other.url}/api/session`, { headers });
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
