/**
 * The local web chat: a page to pick a person and chat, a JSON API for the page and for tools
 * (`POST /api/messages` is a stable contract), and a live stream of pushed messages.
 * This is a receiver in the bolt-js sense: it checks access, turns requests into InboundMessages
 * and renders replies; the core never sees HTTP.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { InboundMessage, Reply } from "../../domain/messages.js";
import type { Person } from "../../domain/roster.js";
import { inEveryLanguage } from "../../locales/index.js";
import { type EventStream, openEventStream } from "./event-stream.js";
import { trackConnections } from "./graceful-close.js";
import {
  readJsonBody,
  requireMethod,
  sendError,
  sendJson,
  sendText,
  setSecurityHeaders,
  WebRequestError,
} from "./http-helpers.js";
import type { LiveFeed } from "./live-feed.js";
import { parseMessageRequest } from "./message-request.js";
import { PAGE_TEXTS_PATH, pageTextsScript } from "./page-texts.js";
import { PUBLIC_DIR, safeRelativePath, serveStatic } from "./static-files.js";
import { requireAccess } from "./web-auth.js";
import { toWireReplies } from "./wire-replies.js";

interface WebChatLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WebChatDeps {
  /** The core; receives channel "web" with externalUserId = the person id. */
  handle(message: InboundMessage): Promise<Reply[]>;
  findPerson(id: string): Promise<Person | null>;
  /** For the person picker. */
  listPeople(): Promise<Person[]>;
  /** Pushed messages to show live on open pages. */
  liveFeed: LiveFeed;
  /** true: anyone may pick any person; false: every /api call needs the token. */
  demoMode: boolean;
  /** WEB_CHAT_TOKEN: `Authorization: Bearer TOKEN`, or `?token=` where headers cannot be set. */
  token: string | null;
  logger: WebChatLogger;
  /** Serves /files/* (charts, exports); the path is relative and already checked for traversal. */
  files?: (path: string) => Promise<{ contentType: string; body: Uint8Array } | null>;
  /** Pushes already delivered to a person today (morning plan, reminders), shown when their page opens. */
  recentPushes?: (personId: string) => Promise<Reply[][]>;
  /** Other receivers on the same port (Slack events); returns true when it answered the request. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
}

export interface WebServer {
  server: http.Server;
  /** Starts listening (port 0 picks a free one); resolves to the base URL, e.g. http://localhost:3000. */
  listen(port: number, host?: string): Promise<string>;
  /** Ends open event streams and stops accepting connections. */
  close(): Promise<void>;
}

/** Room for a 4,000-character Chinese message (12 KB in UTF-8) and then some; more is refused unread. */
const BODY_LIMIT_BYTES = 64 * 1024;

/** Shown on the page under the message that failed; the page cannot tell whose language to use. */
const INTERNAL_ERROR_MESSAGE = inEveryLanguage((t) => t.channels.failed);

export function createWebServer(deps: WebChatDeps): WebServer {
  if (!deps.demoMode && !deps.token) {
    // Failing here beats a chat that silently refuses everyone (or, worse, lets everyone in).
    throw new Error("The web chat needs WEB_CHAT_TOKEN when demo mode is off.");
  }
  const streams = new Set<EventStream>();
  const pageTexts = pageTextsScript();

  async function postMessage(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requireMethod(req, "POST");
    const request = parseMessageRequest(await readJsonBody(req, BODY_LIMIT_BYTES));
    await requirePerson(request.from);
    const message: InboundMessage = {
      channel: "web",
      externalUserId: request.from,
      // The browser's id makes its retry a duplicate the core recognises; tools may omit it.
      externalMessageId: request.messageId ?? randomUUID(),
      text: request.text,
      receivedAt: new Date(),
    };
    const started = Date.now();
    const replies = await deps.handle(message);
    deps.logger.info(
      {
        personId: message.externalUserId,
        messageId: message.externalMessageId,
        replies: replies.length,
        ms: Date.now() - started,
      },
      "web chat message handled",
    );
    sendJson(res, 200, { replies: toWireReplies(replies) });
  }

  async function listPeople(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requireMethod(req, "GET");
    const people = await deps.listPeople();
    // Only what the picker shows: no e-mail addresses or supervisor links to an open page.
    const body = people.map((p) => ({ id: p.id, name: p.name, role: p.role, team: p.team, lang: p.lang }));
    sendJson(res, 200, { people: body });
  }

  async function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    requireMethod(req, "GET");
    const personId = url.searchParams.get("person");
    if (!personId)
      throw new WebRequestError(400, "missing_person", "Say whose messages to follow: ?person=<person id>.");
    await requirePerson(personId);
    let unsubscribe = () => {};
    const stream = openEventStream(req, res, {
      onClose: () => {
        unsubscribe();
        streams.delete(stream);
      },
    });
    streams.add(stream);
    unsubscribe = deps.liveFeed.subscribe(personId, (replies) => stream.send({ replies: toWireReplies(replies) }));
  }

  async function listPushes(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    requireMethod(req, "GET");
    const personId = url.searchParams.get("person");
    if (!personId) throw new WebRequestError(400, "missing_person", "Say whose pushes to list: ?person=<person id>.");
    await requirePerson(personId);
    const pushes = deps.recentPushes ? await deps.recentPushes(personId) : [];
    sendJson(res, 200, { pushes: pushes.map((replies) => ({ replies: toWireReplies(replies) })) });
  }

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    requireMethod(req, "GET", "HEAD");
    const relative = safeRelativePath(url.pathname.slice("/files/".length));
    const file = relative && deps.files ? await deps.files(relative) : null;
    if (!file) throw new WebRequestError(404, "not_found", "No such file.");
    res.writeHead(200, {
      "Content-Type": file.contentType,
      "Content-Length": file.body.byteLength,
      "Cache-Control": "private, no-cache",
    });
    res.end(req.method === "HEAD" ? undefined : file.body);
  }

  async function requirePerson(id: string): Promise<Person> {
    const person = await deps.findPerson(id);
    if (!person) throw new WebRequestError(404, "unknown_person", `Unknown person "${id}".`);
    return person;
  }

  /** Answers the request; false when nothing here knows the path. */
  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (path === "/healthz") {
      requireMethod(req, "GET", "HEAD");
      sendText(res, 200, "ok");
      return true;
    }
    if (path.startsWith("/api/")) {
      requireAccess(req, url, deps);
      if (path === "/api/messages") await postMessage(req, res);
      else if (path === "/api/people") await listPeople(req, res);
      else if (path === "/api/events") await streamEvents(req, res, url);
      else if (path === "/api/pushes") await listPushes(req, res, url);
      else throw new WebRequestError(404, "not_found", `No API route ${path}.`);
      return true;
    }
    if (path.startsWith("/files/")) {
      requireAccess(req, url, deps);
      await serveFile(req, res, url);
      return true;
    }
    if (path === PAGE_TEXTS_PATH) {
      requireMethod(req, "GET", "HEAD");
      res.writeHead(200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Content-Length": Buffer.byteLength(pageTexts),
        "Cache-Control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : pageTexts);
      return true;
    }
    // After our own API, so another receiver can never shadow the stable contract above.
    if (deps.extraRoutes && (await deps.extraRoutes(req, res))) return true;
    return serveStatic(req, res, PUBLIC_DIR, path);
  }

  /** The one error handler: coded errors become their 4xx, anything else a logged, generic 500. */
  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      sendError(res, new WebRequestError(400, "bad_url", "The request URL is not valid."));
      return;
    }
    try {
      if (!(await route(req, res, url))) {
        sendText(res, 404, "Not found");
      }
    } catch (err) {
      if (res.headersSent) {
        // Too late for an error body (a stream was open): cut the connection so the client notices.
        deps.logger.error({ err, method: req.method, path: url.pathname }, "web chat response failed midway");
        res.destroy();
        return;
      }
      if (err instanceof WebRequestError) {
        if (err.status === 401)
          deps.logger.warn(
            { path: url.pathname, code: err.code, ip: req.socket.remoteAddress },
            "web chat access refused",
          );
        sendError(res, err);
        return;
      }
      // Never send the stack or the message of an unexpected error to the browser: only the log gets it.
      deps.logger.error({ err, method: req.method, path: url.pathname }, "web chat request failed");
      sendJson(res, 500, { error: "internal", message: INTERNAL_ERROR_MESSAGE });
    }
  }

  const server = http.createServer((req, res) => void onRequest(req, res));
  const closeServer = trackConnections(server);

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(baseUrl(server.address() as AddressInfo));
        });
      });
    },
    async close() {
      // Pages would keep their streams open for ever; end them so the server can close.
      for (const stream of streams) stream.close();
      await closeServer();
    },
  };
}

function baseUrl(address: AddressInfo): string {
  const wildcard = address.address === "::" || address.address === "0.0.0.0";
  const host = wildcard ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
