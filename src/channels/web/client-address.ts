/** Who is calling, by network address, for per-address rate limits. */
import type http from "node:http";

/**
 * The socket's address; behind a trusted reverse proxy (TRUST_PROXY=true) the last X-Forwarded-For
 * entry, the one our own proxy added (earlier entries are whatever the client claimed).
 */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const last = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}
