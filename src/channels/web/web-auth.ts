/**
 * Who may use the web chat: anyone in demo mode, otherwise only holders of WEB_CHAT_TOKEN.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { WebRequestError } from "./http-helpers.js";

/**
 * The token from `Authorization: Bearer …`, or from `?token=` for what cannot set headers
 * (EventSource, <img>, download links).
 */
function presentedToken(req: http.IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match?.[1]?.trim() ?? null;
  }
  return url.searchParams.get("token");
}

/** Compares hashes in constant time so the answer's timing does not reveal the token. */
function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Throws 401 unless demo mode is on or the request carries the right token. */
export function requireAccess(
  req: http.IncomingMessage,
  url: URL,
  access: { demoMode: boolean; token: string | null },
): void {
  if (access.demoMode) return;
  const presented = presentedToken(req, url);
  const challenge = { "WWW-Authenticate": 'Bearer realm="fieldmate"' };
  if (!presented) {
    throw new WebRequestError(
      401,
      "token_required",
      "This web chat needs an access token (Authorization: Bearer TOKEN).",
      challenge,
    );
  }
  if (!access.token || !tokensMatch(presented, access.token)) {
    throw new WebRequestError(401, "bad_token", "The access token is not valid.", challenge);
  }
}
