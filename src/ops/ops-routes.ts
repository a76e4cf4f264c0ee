/**
 * The operations endpoints, answered without a session: `/healthz` (the process is alive),
 * `/readyz` (JSON detail, 503 when not ready) and `/metrics` (Prometheus text). On the shared web
 * server by default; with METRICS_PORT on a server of their own, kept off the public address.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRoute } from "../channels/channel-plugin.js";
import type { OpsMetrics } from "./metrics.js";
import type { Readiness } from "./readiness.js";

export interface OpsRouteDeps {
  metrics: OpsMetrics;
  readiness(): Promise<Readiness>;
}

/** Answers the operations paths; `paths` says which of them this server serves. */
export function opsRoutes(deps: OpsRouteDeps, paths: readonly OpsPath[] = OPS_PATHS): HttpRoute {
  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname as OpsPath;
    if (!paths.includes(path)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      res.end("Method not allowed");
      return true;
    }
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, {
        "Content-Type": type,
        "Cache-Control": "no-store",
        "Content-Length": Buffer.byteLength(body),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    // The same answer as the web server's own /healthz: the process is alive.
    if (path === "/healthz") send(200, "text/plain; charset=utf-8", "ok");
    else if (path === "/readyz") {
      const readiness = await deps.readiness();
      const body = { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks };
      send(readiness.ready ? 200 : 503, "application/json", JSON.stringify(body));
    } else send(200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
    return true;
  };
}

export const OPS_PATHS = ["/healthz", "/readyz", "/metrics"] as const;
type OpsPath = (typeof OPS_PATHS)[number];

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

/** A small server of its own for the operations paths (METRICS_PORT). */
export async function startOpsServer(route: HttpRoute, port: number, host: string): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    route(req, res).then(
      (answered) => {
        if (answered) return;
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Not found");
      },
      () => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { address, port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
