/**
 * The web chat API over real HTTP on an ephemeral port; only the core behind it is a fake.
 */

import { randomBytes } from "node:crypto";
import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWebServer, type WebChatDeps } from "../../../src/channels/web/web-server.js";
import { FileStore } from "../../../src/store/file-store.js";
import { fakeWebDeps } from "./fake-web-deps.js";
import { readStreamUntil } from "./read-stream.js";
import { openSignInLink, type SignInSetup, signInSetup } from "./sign-in-setup.js";

const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(overrides: Partial<WebChatDeps> = {}) {
  const fake = fakeWebDeps(overrides);
  const web = createWebServer(fake.deps);
  open.push(web);
  const base = await web.listen(0, "127.0.0.1");
  return { ...fake, web, base };
}

async function postMessage(base: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
}

/** Sends a body in chunks without Content-Length, so the server must count as it reads. */
function postChunked(base: string, chunk: string, times: number): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/messages`,
      { method: "POST", headers: { "Content-Type": "application/json" } },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (data += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
      },
    );
    req.on("error", reject);
    for (let i = 0; i < times; i++) req.write(chunk);
    req.end();
  });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("POST /api/messages", () => {
  it("returns the core's replies and hands the core a web InboundMessage for the person", async () => {
    const { base, calls } = await start();
    const before = Date.now();
    const res = await postMessage(base, { from: "m-zhang", text: "今天去了胡记\n第二行" });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ replies: [{ kind: "text", text: "echo: 今天去了胡记\n第二行" }] });
    expect(calls).toHaveLength(1);
    const message = calls[0]!;
    expect(message.channel).toBe("web");
    expect(message.externalUserId).toBe("m-zhang");
    expect(message.text).toBe("今天去了胡记\n第二行");
    expect(message.externalMessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(message.receivedAt).toBeInstanceOf(Date);
    expect(message.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("passes the browser's messageId through as the external message id, so a retry is recognisable", async () => {
    const { base, calls } = await start();
    await postMessage(base, { from: "m-zhang", text: "hi", messageId: "client-42" });
    await postMessage(base, { from: "m-zhang", text: "hi", messageId: "client-42" });
    await postMessage(base, { from: "m-zhang", text: "hi" });
    await postMessage(base, { from: "m-zhang", text: "hi" });

    expect(calls.map((c) => c.externalMessageId).slice(0, 2)).toEqual(["client-42", "client-42"]);
    expect(calls[2]?.externalMessageId).not.toBe(calls[3]?.externalMessageId);
  });

  it("returns choices and cards as the Reply objects of core/messages.ts", async () => {
    const { base } = await start();
    const choices = await postMessage(base, { from: "m-zhang", text: "choices" });
    const card = await postMessage(base, { from: "m-zhang", text: "card" });
    expect(choices.json.replies[0].kind).toBe("choices");
    expect(choices.json.replies[0].choices).toHaveLength(2);
    expect(card.json.replies[0]).toMatchObject({ kind: "card", title: "已记录拜访 / Visit logged" });
  });

  it("leaves raw image and file bytes out of the JSON: the page loads them by url", async () => {
    const { base } = await start({
      handle: async () => [
        { kind: "image", title: "chart", url: "/files/chart.png", png: new Uint8Array([1, 2, 3]) },
        {
          kind: "file",
          title: "export",
          filename: "visits.xlsx",
          url: "/files/visits.xlsx",
          bytes: new Uint8Array([4]),
        },
      ],
    });
    const res = await postMessage(base, { from: "m-zhang", text: "chart" });
    expect(res.json.replies).toEqual([
      { kind: "image", title: "chart", url: "/files/chart.png" },
      { kind: "file", title: "export", filename: "visits.xlsx", url: "/files/visits.xlsx" },
    ]);
  });

  it("accepts a text of exactly 4,000 characters, Chinese included", async () => {
    const { base, calls } = await start();
    const res = await postMessage(base, { from: "m-zhang", text: "烟".repeat(4000) });
    expect(res.status).toBe(200);
    expect(calls[0]?.text).toHaveLength(4000);
  });

  describe("refuses bad requests with a clear {error, message} and never calls the core", () => {
    const cases: { name: string; body: unknown; status: number; error: string; message: RegExp }[] = [
      {
        name: "bad JSON",
        body: '{"from": "m-zhang", "text": ',
        status: 400,
        error: "bad_json",
        message: /not valid JSON/,
      },
      { name: "an empty body", body: "", status: 400, error: "bad_json", message: /not valid JSON/ },
      { name: "a JSON array", body: [1, 2], status: 400, error: "bad_request", message: /JSON object/ },
      { name: "a missing from", body: { text: "hi" }, status: 400, error: "missing_from", message: /"from"/ },
      { name: "a numeric from", body: { from: 7, text: "hi" }, status: 400, error: "bad_from", message: /"from"/ },
      {
        name: "an unknown person",
        body: { from: "nobody", text: "hi" },
        status: 404,
        error: "unknown_person",
        message: /unknown person "nobody"/i,
      },
      { name: "a missing text", body: { from: "m-zhang" }, status: 400, error: "missing_text", message: /"text"/ },
      {
        name: "an empty text",
        body: { from: "m-zhang", text: "" },
        status: 400,
        error: "empty_text",
        message: /empty/,
      },
      {
        name: "a whitespace text",
        body: { from: "m-zhang", text: " \n\t　" },
        status: 400,
        error: "empty_text",
        message: /empty/,
      },
      {
        name: "a non-string text",
        body: { from: "m-zhang", text: ["hi"] },
        status: 400,
        error: "bad_text",
        message: /string/,
      },
      {
        name: "a bad messageId",
        body: { from: "m-zhang", text: "hi", messageId: 5 },
        status: 400,
        error: "bad_message_id",
        message: /messageId/,
      },
    ];
    for (const c of cases) {
      it(`answers ${c.name} with ${c.status} ${c.error}`, async () => {
        const { base, calls } = await start();
        const res = await postMessage(base, c.body);
        expect(res.status).toBe(c.status);
        expect(res.json.error).toBe(c.error);
        expect(res.json.message).toMatch(c.message);
        expect(calls).toHaveLength(0);
      });
    }

    it("answers a body over 64 KB with 413 before reading it", async () => {
      const { base, calls } = await start();
      const res = await postMessage(base, { from: "m-zhang", text: "x".repeat(100_000) });
      expect(res.status).toBe(413);
      expect(res.json.error).toBe("body_too_large");
      expect(calls).toHaveLength(0);
    });

    it("answers a chunked body that grows past 64 KB with 413", async () => {
      const { base, calls } = await start();
      const res = await postChunked(base, "x".repeat(8192), 20);
      expect(res.status).toBe(413);
      expect(res.json.error).toBe("body_too_large");
      expect(calls).toHaveLength(0);
    });

    it("answers a body that is not declared as JSON with 415", async () => {
      const { base, calls } = await start();
      const res = await postMessage(base, JSON.stringify({ from: "m-zhang", text: "hi" }), {
        "Content-Type": "text/plain",
      });
      expect(res.status).toBe(415);
      expect(res.json.error).toBe("unsupported_media_type");
      expect(calls).toHaveLength(0);
    });

    it("answers another method with 405 and an Allow header", async () => {
      const { base } = await start();
      const res = await fetch(`${base}/api/messages`);
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
      expect(((await res.json()) as any).error).toBe("method_not_allowed");
    });
  });

  it("answers a failing core with a generic 500, logs the error and keeps serving", async () => {
    const { base, logs } = await start();
    const res = await postMessage(base, { from: "m-zhang", text: "boom" });
    expect(res.status).toBe(500);
    expect(res.json.error).toBe("internal");
    expect(JSON.stringify(res.json)).not.toMatch(/exploded|secret|\.ts/);
    expect(res.json.message).toContain("Something went wrong; please try again.");
    const logged = logs.find((l) => l.level === "error");
    expect((logged?.obj as { err?: Error } | undefined)?.err?.message).toMatch(/exploded/);

    const after = await postMessage(base, { from: "m-zhang", text: "still there?" });
    expect(after.status).toBe(200);
  });
});

describe("GET /api/pushes", () => {
  it("lists the pushes delivered to a person today, and refuses an unknown or missing person", async () => {
    const { base } = await start({
      recentPushes: async (id) => (id === "m-zhang" ? [[{ kind: "text", text: "早上好" }]] : []),
    });
    const ok = await fetch(`${base}/api/pushes?person=m-zhang`);
    expect(await ok.json()).toEqual({ pushes: [{ replies: [{ kind: "text", text: "早上好" }] }] });
    expect((await fetch(`${base}/api/pushes?person=nobody`)).status).toBe(404);
    expect((await fetch(`${base}/api/pushes`)).status).toBe(400);
  });
});

describe("outside demo mode: signed in by a one-time link", () => {
  let setup: SignInSetup;
  beforeAll(async () => {
    setup = await signInSetup();
  });
  afterAll(() => setup?.close());

  const startSignedIn = (overrides: Partial<WebChatDeps> = {}) =>
    start({ demoMode: false, signIn: setup.signIn, ...overrides });

  async function signedInAs(base: string, personId: string): Promise<Record<string, string>> {
    const opened = await openSignInLink(base, await setup.tokenFor(personId));
    expect(opened.status).toBe(303);
    return { Cookie: opened.cookie! };
  }

  it("refuses to start without sign-in", () => {
    expect(() => createWebServer(fakeWebDeps({ demoMode: false }).deps)).toThrow(/sign-in/);
  });

  it("answers every call without a session with 401, and says so to the page without refusing", async () => {
    const { base, calls } = await startSignedIn();
    const res = await postMessage(base, { from: "m-zhang", text: "hi" });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("sign_in_required");
    for (const path of ["/api/events?person=m-zhang", "/api/pushes?person=m-zhang", "/api/people"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(401);
    }
    const session = await fetch(`${base}/api/session`);
    expect(await session.json()).toEqual({ demoMode: false, person: null, deactivated: false });
    expect(calls).toHaveLength(0);
  });

  it("opens a session once per link: an HttpOnly, SameSite=Lax cookie and a redirect to the chat; a second use gets a clear page", async () => {
    const { base } = await startSignedIn();
    const token = await setup.tokenFor("m-zhang");
    const res = await fetch(`${base}/login/${token}`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^fieldmate_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).not.toMatch(/Secure/);
    // The cookie is the signed session id, not the token, and the token is not in it.
    expect(cookie).not.toContain(token);

    const again = await fetch(`${base}/login/${token}`, { redirect: "manual" });
    expect(again.status).toBe(410);
    expect(again.headers.get("set-cookie")).toBeNull();
    const page = await again.text();
    expect(page).toContain("这个登录链接已经用过或已过期");
    expect(page).toContain("This sign-in link has already been used or has expired");
  });

  it("refuses an expired or made-up link with the same page", async () => {
    const { base } = await startSignedIn();
    expect((await openSignInLink(base, await setup.tokenFor("m-zhang", -1))).status).toBe(410);
    expect((await openSignInLink(base, "A".repeat(43))).status).toBe(410);
    expect((await openSignInLink(base, "x")).status).toBe(410);
  });

  it("lets link previews and HEAD requests look at a link without using it up", async () => {
    const { base } = await startSignedIn();
    const token = await setup.tokenFor("m-zhang");
    const preview = await fetch(`${base}/login/${token}`, {
      redirect: "manual",
      headers: { "User-Agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" },
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get("set-cookie")).toBeNull();
    expect((await fetch(`${base}/login/${token}`, { method: "HEAD", redirect: "manual" })).status).toBe(200);
    expect((await openSignInLink(base, token)).status).toBe(303);
  });

  it("takes the person from the session: no from, or one's own, is fine; another person's is 403 and never reaches the core", async () => {
    const { base, calls } = await startSignedIn();
    const cookie = await signedInAs(base, "m-zhang");
    expect((await postMessage(base, { text: "hi" }, cookie)).status).toBe(200);
    expect((await postMessage(base, { from: "m-zhang", text: "hi again" }, cookie)).status).toBe(200);
    const forged = await postMessage(base, { from: "s-li", text: "导出本月拜访记录" }, cookie);
    expect(forged.status).toBe(403);
    expect(forged.json.error).toBe("not_yours");
    expect(calls.map((c) => [c.externalUserId, c.text])).toEqual([
      ["m-zhang", "hi"],
      ["m-zhang", "hi again"],
    ]);
    const session = await fetch(`${base}/api/session`, { headers: cookie });
    expect(((await session.json()) as any).person).toMatchObject({ id: "m-zhang", name: "张伟" });
  });

  it("follows and lists only the session's own pushes", async () => {
    const { base, liveFeed } = await startSignedIn({
      recentPushes: async (id) => [[{ kind: "text", text: `pushes of ${id}` }]],
    });
    const cookie = await signedInAs(base, "m-zhang");
    expect((await fetch(`${base}/api/events?person=s-li`, { headers: cookie })).status).toBe(403);
    expect((await fetch(`${base}/api/pushes?person=s-li`, { headers: cookie })).status).toBe(403);
    expect(await (await fetch(`${base}/api/pushes`, { headers: cookie })).json()).toEqual({
      pushes: [{ replies: [{ kind: "text", text: "pushes of m-zhang" }] }],
    });
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: cookie, signal: controller.signal });
    expect(res.status).toBe(200);
    await waitFor(() => liveFeed.watching("m-zhang"), "the stream to subscribe");
    expect(liveFeed.watching("s-li")).toBe(false);
    controller.abort();
  });

  it("refuses a cookie whose signature was changed", async () => {
    const { base } = await startSignedIn();
    const { Cookie } = await signedInAs(base, "m-zhang");
    const tampered = Cookie!.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await postMessage(base, { text: "hi" }, { Cookie: tampered })).status).toBe(401);
    expect((await postMessage(base, { text: "hi" }, { Cookie: "fieldmate_session=made-up" })).status).toBe(401);
  });

  it("signs out: the cookie is cleared, the session ends and its open stream closes", async () => {
    const { base, liveFeed } = await startSignedIn();
    const cookie = await signedInAs(base, "m-zhang");
    const stream = await fetch(`${base}/api/events`, { headers: cookie });
    await waitFor(() => liveFeed.watching("m-zhang"), "the stream to subscribe");
    const out = await fetch(`${base}/api/sign-out`, { method: "POST", headers: cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^fieldmate_session=;.*Expires=Thu, 01 Jan 1970/);
    await readStreamUntil(stream, () => false);
    expect(liveFeed.watching("m-zhang")).toBe(false);
    expect((await postMessage(base, { text: "hi" }, cookie)).status).toBe(401);
  });

  it("ends a stream whose session was revoked elsewhere (the CLI, another instance)", async () => {
    const { base, liveFeed } = await startSignedIn({ sessionCheckMs: 50 });
    const cookie = await signedInAs(base, "m-amy");
    const stream = await fetch(`${base}/api/events`, { headers: cookie });
    await waitFor(() => liveFeed.watching("m-amy"), "the stream to subscribe");
    expect(await setup.sessions.revokeAll("m-amy", new Date())).toBe(1);
    await readStreamUntil(stream, () => false);
    expect(liveFeed.watching("m-amy")).toBe(false);
  });

  it("tells a deactivated person so, and their session ends", async () => {
    const { base, calls } = await startSignedIn();
    const cookie = await signedInAs(base, "s-li");
    setup.deactivate("s-li");
    const res = await postMessage(base, { text: "团队今天情况" }, cookie);
    expect(res.status).toBe(403);
    expect(res.json.error).toBe("deactivated");
    expect(res.json.message).toContain("账号已停用");
    expect(calls).toHaveLength(0);
    // The first refusal ended the session: from then on it is simply signed out.
    expect((await postMessage(base, { text: "hi" }, cookie)).status).toBe(401);
    expect((await openSignInLink(base, await setup.tokenFor("s-li"))).status).toBe(410);
  });

  it("shows the people list in demo mode only", async () => {
    const { base } = await startSignedIn();
    const res = await fetch(`${base}/api/people`, { headers: await signedInAs(base, "m-zhang") });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error).toBe("demo_only");
  });

  it("still serves the page, which explains how to sign in", async () => {
    const { base } = await startSignedIn();
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});

describe("limits", () => {
  it("answers too many sign-in attempts from one address with 429 and Retry-After", async () => {
    const { base } = await start({ limits: { signInPerAddress: { perMinute: 3 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await openSignInLink(base, `guess${i}`.padEnd(43, "x"))).status);
    expect(statuses).toEqual([410, 410, 410, 429]);
    const limited = await fetch(`${base}/login/${"y".repeat(43)}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("answers too many API calls for one person with 429, others unaffected", async () => {
    const { base, calls } = await start({ limits: { perPerson: { perMinute: 2 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postMessage(base, { from: "m-zhang", text: `m${i}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await postMessage(base, { from: "m-amy", text: "hi" })).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it("answers too many API calls from one address with 429", async () => {
    const { base } = await start({ limits: { perAddress: { perMinute: 2 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${base}/api/session`)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("caps the open event streams of one person", async () => {
    const { base, liveFeed } = await start({ limits: { streamsPerPerson: 2 } });
    const controller = new AbortController();
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${base}/api/events?person=m-zhang`, { signal: controller.signal })).status).toBe(200);
    }
    await waitFor(() => liveFeed.watching("m-zhang"), "the streams to subscribe");
    const third = await fetch(`${base}/api/events?person=m-zhang`);
    expect(third.status).toBe(429);
    expect(((await third.json()) as any).error).toBe("too_many_streams");
    expect((await fetch(`${base}/api/events?person=m-amy`, { signal: controller.signal })).status).toBe(200);
    controller.abort();
  });
});

describe("the Host check and other sites", () => {
  /** fetch cannot set Host: a raw request can. */
  function rawGet(base: string, path: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on("error", reject);
    });
  }

  it("answers a foreign Host with 421 (DNS rebinding), loopback and allowed names as usual, probes always", async () => {
    const { base } = await start({ allowedHosts: ["fieldmate.acme.com"] });
    expect(await rawGet(base, "/api/people", { Host: "attacker.example" })).toBe(421);
    expect(await rawGet(base, "/", { Host: "attacker.example:3000" })).toBe(421);
    expect(await rawGet(base, "/api/people", { Host: "localhost:3000" })).toBe(200);
    expect(await rawGet(base, "/api/people", { Host: "fieldmate.acme.com" })).toBe(200);
    expect(await rawGet(base, "/healthz", { Host: "10.0.0.7:3000" })).toBe(200);
  });

  it("refuses a message posted from another site's page, and takes one from this server's own names", async () => {
    const { base, calls } = await start({ allowedHosts: ["fieldmate.acme.com"] });
    for (const origin of ["https://attacker.example", "null", "not a url"]) {
      const res = await postMessage(base, { from: "m-zhang", text: "hi" }, { Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(res.json.error).toBe("bad_origin");
    }
    expect((await postMessage(base, { from: "m-zhang", text: "hi" }, { Origin: base })).status).toBe(200);
    // Behind a proxy the page's origin is the public name, whatever Host the proxy forwards.
    const proxied = await postMessage(base, { from: "m-zhang", text: "hi" }, { Origin: "https://fieldmate.acme.com" });
    expect(proxied.status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});

describe("GET /api/people", () => {
  it("lists id, name, role, team and language only", async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/people`);
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body.people[0]).toEqual({ id: "m-zhang", name: "张伟", role: "manager", team: "新罗一组", lang: "zh" });
    expect(JSON.stringify(body)).not.toContain("example.com");
  });
});

describe("GET /api/events", () => {
  it("delivers a liveFeed.publish to a connected stream as {replies}", async () => {
    const { base, liveFeed } = await start();
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?person=m-zhang`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await waitFor(() => liveFeed.watching("m-zhang"), "the stream to subscribe");

    expect(liveFeed.publish("m-zhang", [{ kind: "text", text: "早上好！今天的计划 / Good morning" }])).toBe(1);
    const text = await readStreamUntil(res, (t) => t.includes("\n\ndata: ") && t.endsWith("\n\n"));
    const data = text.split("\n").find((line) => line.startsWith("data: "))!;
    expect(JSON.parse(data.slice("data: ".length))).toEqual({
      replies: [{ kind: "text", text: "早上好！今天的计划 / Good morning" }],
    });
    controller.abort();
  });

  it("stops listening when the page goes away", async () => {
    const { base, liveFeed } = await start();
    const controller = new AbortController();
    await fetch(`${base}/api/events?person=m-zhang`, { signal: controller.signal });
    await waitFor(() => liveFeed.watching("m-zhang"), "the stream to subscribe");
    controller.abort();
    await waitFor(() => !liveFeed.watching("m-zhang"), "the stream to unsubscribe");
  });

  it("only delivers a person's own pushes", async () => {
    const { base, liveFeed } = await start();
    const controller = new AbortController();
    await fetch(`${base}/api/events?person=m-zhang`, { signal: controller.signal });
    await waitFor(() => liveFeed.watching("m-zhang"), "the stream to subscribe");
    expect(liveFeed.publish("m-amy", [{ kind: "text", text: "not for Zhang" }])).toBe(0);
    controller.abort();
  });

  it("answers a missing person with 400 and an unknown one with 404", async () => {
    const { base } = await start();
    const missing = await fetch(`${base}/api/events`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error).toBe("missing_person");
    const unknown = await fetch(`${base}/api/events?person=ghost`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).message).toMatch(/unknown person "ghost"/i);
  });

  it("ends open streams when the server closes", async () => {
    const { base, liveFeed, web } = await start();
    const res = await fetch(`${base}/api/events?person=m-zhang`);
    await waitFor(() => liveFeed.watching("m-zhang"), "the stream to subscribe");
    await web.close();
    const text = await readStreamUntil(res, () => false); // returns when the stream ends
    expect(text).toContain(": connected");
    expect(liveFeed.watching("m-zhang")).toBe(false);
  });
});

describe("the page, files and other routes", () => {
  it("serves the page and its assets with security headers", async () => {
    const { base } = await start();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await page.text()).toContain('<script src="/texts.js" defer></script>');

    const script = await fetch(`${base}/app.js`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    const style = await fetch(`${base}/style.css`);
    expect(style.headers.get("content-type")).toMatch(/^text\/css/);

    const api = await fetch(`${base}/api/people`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves the page's words in every language from the catalogue, before anyone signs in", async () => {
    const setup = await signInSetup();
    const { base } = await start({ demoMode: false, signIn: setup.signIn });
    await setup.close();
    const res = await fetch(`${base}/texts.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    const script = await res.text();
    const texts = JSON.parse(
      script
        .slice(script.indexOf("=") + 1)
        .trim()
        .replace(/;$/, ""),
    ) as Record<string, Record<string, string>>;
    expect(Object.keys(texts)).toEqual(["zh", "en"]);
    expect(texts.zh?.pickTitle).toBe("选择身份");
    expect(texts.en?.greeting).toBe("Hi {name}! Send a visit report or a question, or type “help”.");
  });

  it("refuses paths that climb out of the page's folder", async () => {
    const { base } = await start();
    for (const path of [
      "/../web-server.ts",
      "/%2e%2e/web-server.ts",
      "/..%2fweb-server.ts",
      "/%2e%2e%2f%2e%2e%2fpackage.json",
      "/..%5cweb-server.ts",
      "/.hidden",
      "/%E0%A4%A",
    ]) {
      // fetch would normalise "..", so send the raw path over http.
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get(`${base}${path}`, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on("error", reject);
      });
      expect(status, path).toBe(404);
    }
  });

  it("answers /healthz with ok", async () => {
    const { base } = await start();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/nothing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error).toBe("not_found");
  });

  it("serves /files/* by signed link only: no signature, a changed one or a late one are refused", async () => {
    const setup = await signInSetup();
    try {
      let now = new Date("2026-11-25T09:00:00Z");
      const store = new FileStore(setup.database.db, { secret: randomBytes(32), ttlMs: 3_600_000, clock: () => now });
      const { base } = await start({ files: store });
      const png = new Uint8Array([137, 80, 78, 71]);
      const link = await store.put("本周.png", "image/png", png);
      expect(link).toMatch(/^\/files\/[\w-]{22}\/%E6%9C%AC%E5%91%A8\.png\?expires=\d+&sig=[\w-]{43}$/);

      const res = await fetch(`${base}${link}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''%E6%9C%AC%E5%91%A8.png");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);

      const url = new URL(link, base);
      const without = `${base}${url.pathname}`;
      const changedSig = `${base}${link.replace(/sig=(.)/, (_m, c: string) => `sig=${c === "A" ? "B" : "A"}`)}`;
      const laterExpiry = `${base}${link.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 86_400}`)}`;
      const otherName = `${base}${link.replace("%E6%9C%AC%E5%91%A8.png", "other.png")}`;
      for (const bad of [without, changedSig, laterExpiry, otherName]) {
        const refused = await fetch(bad);
        expect(refused.status, bad).toBe(403);
        expect(((await refused.json()) as any).error).toBe("bad_signature");
      }
      expect((await fetch(`${base}/files/%2e%2e%2fsecret`)).status).toBe(404);

      now = new Date(now.getTime() + 3_600_000);
      const late = await fetch(`${base}${link}`);
      expect(late.status).toBe(410);
      expect(((await late.json()) as any).error).toBe("link_expired");
    } finally {
      await setup.close();
    }
  });

  it("lets extra routes answer paths it does not own, but never the API", async () => {
    const { base } = await start({
      extraRoutes: async (req, res) => {
        if (req.url?.startsWith("/slack/events") || req.url?.startsWith("/api/")) {
          res.writeHead(200, { "Content-Type": "text/plain" }).end("slack");
          return true;
        }
        return false;
      },
    });
    expect(await (await fetch(`${base}/slack/events`, { method: "POST" })).text()).toBe("slack");
    expect((await fetch(`${base}/api/people`)).status).toBe(200);
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });
});
