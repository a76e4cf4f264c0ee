/**
 * A local stand-in for WeCom's server API (https://qyapi.weixin.qq.com/cgi-bin/…), over real HTTP:
 * gettoken issues tokens (the same one while it is valid, as WeCom does), message/send,
 * media/upload and message/update_template_card check the token and record what they were given;
 * media/get serves the files a test put in `media` (what members sent: voice notes, photos).
 * A test can expire the current token (the next call gets 42001) and script an errcode for the
 * next call to an API (45009: frequency limit).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { AGENT_ID, CORP_ID, SECRET } from "./wecom-side.js";

export interface SentMessage {
  touser: string;
  msgtype: string;
  /** The message's own part (`text`, `template_card`, `image`, …). */
  content: Record<string, any>;
  /** Anything else in the body (enable_duplicate_check, safe, …). */
  body: Record<string, any>;
  /** performance.now() when it arrived (benchmarks). */
  at: number;
}

interface Upload {
  type: string;
  filename: string;
  bytes: Buffer;
  mediaId: string;
}

export interface FakeWecomApi {
  apiUrl: string;
  /** message/send calls WeCom accepted, in order. */
  sent: SentMessage[];
  sentTo(user: string): SentMessage[];
  uploads: Upload[];
  /** Files members sent, by media_id, for media/get. */
  media: Map<string, { bytes: Uint8Array; contentType: string }>;
  cardUpdates: Record<string, any>[];
  /** Every call, by API name, accepted or not. */
  calls: string[];
  /** How many gettoken calls issued a token. */
  tokensIssued(): number;
  /** Members the app can reach (its visible range); anyone else is invaliduser. */
  members: Set<string>;
  /** The current token stops working now; the next gettoken issues a new one. */
  expireToken(): void;
  /** A coming call to `api` answers this errcode instead: the next one, or the one after `after` more calls succeed. */
  failNext(api: string, errcode: number, options?: { after?: number }): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeWecomApi(): Promise<FakeWecomApi> {
  const sent: SentMessage[] = [];
  const uploads: Upload[] = [];
  const media = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const cardUpdates: Record<string, any>[] = [];
  const calls: string[] = [];
  const scripted = new Map<string, { errcode: number; after: number }[]>();
  const members = new Set<string>();
  const taskIds = new Set<string>();
  let current: string | null = null;
  const expired = new Set<string>();
  let issued = 0;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://localhost");
    const api = url.pathname.replace(/^\/cgi-bin\//, "");
    calls.push(api);
    const answer = (body: Record<string, unknown>) => {
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok", ...body }));
    };

    if (api === "gettoken") {
      if (url.searchParams.get("corpid") !== CORP_ID) return answer({ errcode: 40013, errmsg: "invalid corpid" });
      if (url.searchParams.get("corpsecret") !== SECRET)
        return answer({ errcode: 40001, errmsg: "invalid credential" });
      if (current === null) {
        current = `fake-token-${++issued}`;
      }
      return answer({ access_token: current, expires_in: 7200 });
    }

    const token = url.searchParams.get("access_token") ?? "";
    if (expired.has(token)) return answer({ errcode: 42001, errmsg: "access_token expired" });
    if (token !== current) return answer({ errcode: 40014, errmsg: "invalid access_token" });
    const queue = scripted.get(api) ?? [];
    const next = queue[0];
    if (next && next.after-- <= 0) {
      queue.shift();
      return answer({ errcode: next.errcode, errmsg: `scripted ${next.errcode}` });
    }

    switch (api) {
      case "message/send": {
        const body = JSON.parse(raw.toString("utf8"));
        const { touser, msgtype, agentid, ...rest } = body;
        if (String(agentid) !== AGENT_ID) return answer({ errcode: 40056, errmsg: "invalid agentid" });
        if (!members.has(touser)) return answer({ errcode: 81013, errmsg: "user & party & tag all invalid" });
        const content = rest[msgtype];
        if (typeof content !== "object") return answer({ errcode: 41008, errmsg: `missing ${msgtype}` });
        if (msgtype === "template_card") {
          if (taskIds.has(content.task_id)) return answer({ errcode: 40020, errmsg: "task_id exists" });
          taskIds.add(content.task_id);
        }
        delete rest[msgtype];
        sent.push({ touser, msgtype, content, body: rest, at: performance.now() });
        return answer({
          invaliduser: "",
          msgid: `msg-${sent.length}`,
          ...(msgtype === "template_card" ? { response_code: `rc-${sent.length}` } : {}),
        });
      }
      case "media/upload": {
        const type = url.searchParams.get("type") ?? "";
        const form = await new Response(raw, {
          headers: { "content-type": String(req.headers["content-type"]) },
        }).formData();
        const media = form.get("media");
        if (!(media instanceof File)) return answer({ errcode: 41001, errmsg: "missing media" });
        const mediaId = `media-${uploads.length + 1}`;
        uploads.push({ type, filename: media.name, bytes: Buffer.from(await media.arrayBuffer()), mediaId });
        return answer({ type, media_id: mediaId, created_at: String(Math.floor(Date.now() / 1000)) });
      }
      case "media/get": {
        const file = media.get(url.searchParams.get("media_id") ?? "");
        if (!file) return answer({ errcode: 40007, errmsg: "invalid media_id" });
        res.writeHead(200, { "Content-Type": file.contentType, "Content-Length": file.bytes.byteLength });
        res.end(file.bytes);
        return;
      }
      case "message/update_template_card":
        cardUpdates.push(JSON.parse(raw.toString("utf8")));
        return answer({ invaliduser: [] });
      default:
        res.writeHead(404);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}`,
    sent,
    sentTo: (user) => sent.filter((m) => m.touser === user),
    uploads,
    media,
    cardUpdates,
    calls,
    tokensIssued: () => issued,
    members,
    expireToken() {
      if (current) expired.add(current);
      current = null;
    },
    failNext(api, errcode, options = {}) {
      scripted.set(api, [...(scripted.get(api) ?? []), { errcode, after: options.after ?? 0 }]);
    },
    reset() {
      sent.length = 0;
      uploads.length = 0;
      cardUpdates.length = 0;
      calls.length = 0;
      scripted.clear();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
