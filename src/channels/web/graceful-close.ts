/**
 * Closing an HTTP server without waiting on idle sockets and without cutting answers short.
 * `server.close()` alone waits for every keep-alive socket, and `closeIdleConnections()` skips
 * sockets that never carried a request (browsers and fetch open those speculatively), so a
 * shutdown could hang until the client gave up.
 */
import type http from "node:http";
import type { Socket } from "node:net";

/** Starts counting requests per socket; returns the function that closes the server gracefully. */
export function trackConnections(server: http.Server): () => Promise<void> {
  const inFlight = new Map<Socket, number>();
  const sockets = new Set<Socket>();
  let closing = false;

  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      inFlight.delete(socket);
    });
  });
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.on("close", () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (left > 0) inFlight.set(socket, left);
      else inFlight.delete(socket);
      // The answer is out; during shutdown the socket must not wait for a next request.
      if (closing && left <= 0) socket.end();
    });
  });

  return () =>
    new Promise<void>((resolve, reject) => {
      closing = true;
      if (!server.listening) return resolve();
      server.close((err) => (err ? reject(err) : resolve()));
      for (const socket of sockets) {
        if (!inFlight.has(socket)) socket.destroy();
      }
    });
}
