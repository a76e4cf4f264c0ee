/**
 * Server-sent events: one long response per open page, carrying pushed messages as they happen.
 */
import type http from "node:http";

/** Proxies and phone networks drop idle connections after 30–60 s; a comment line keeps it open. */
const HEARTBEAT_MS = 25_000;

export interface EventStream {
  /** Sends one `message` event whose data is `payload` as JSON. */
  send(payload: unknown): void;
  /** Ends the response (server shutdown); `onClose` still runs once. */
  close(): void;
}

export function openEventStream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { heartbeatMs?: number; onClose: () => void },
): EventStream {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-store, no-transform",
    Connection: "keep-alive",
    // nginx buffers responses by default, which would hold pushes back until the buffer fills.
    "X-Accel-Buffering": "no",
  });
  req.socket.setNoDelay(true);
  // `retry` tells EventSource how soon to reconnect; the comment makes the browser see the stream open.
  res.write("retry: 3000\n: connected\n\n");

  let closed = false;
  const heartbeat = setInterval(() => res.write(": ping\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.onClose();
  };
  // `close` fires whether the page went away or we ended the stream ourselves.
  res.on("close", () => {
    finish();
    // A page that leaves may only half-close its side; an endless response cannot be reused
    // for another request anyway, so drop the socket rather than let it linger.
    res.destroy();
  });

  return {
    send(payload) {
      if (closed) return;
      // JSON never contains a raw newline, so one `data:` line is always a whole event.
      res.write(`data: ${JSON.stringify(payload)}\n\n`);
    },
    close() {
      res.end();
      finish();
    },
  };
}
