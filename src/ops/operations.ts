/**
 * The operations side of a running app in one place, for app.ts: the metrics registry, the health,
 * readiness and metrics endpoints (on the shared web server, or METRICS_PORT's own), and the
 * "shutting down" state readiness reports once a stop begins.
 */
import type { HttpRoute } from "../channels/channel-plugin.js";
import type { Config } from "../config/config.js";
import type { Db } from "../store/database.js";
import type { Provider } from "../store/migrate.js";
import { createMetrics, type MetricSources, type OpsMetrics } from "./metrics.js";
import { outboxStats } from "./ops-queries.js";
import { OPS_PATHS, opsRoutes, startOpsServer } from "./ops-routes.js";
import { checkReadiness } from "./readiness.js";

export interface Operations {
  metrics: OpsMetrics;
  /** For the shared web server: /healthz, /readyz, and /metrics unless METRICS_PORT has it. */
  publicRoute: HttpRoute;
  /** Starts METRICS_PORT's server when configured; where /metrics answers, or null for the shared server. */
  listen(): Promise<string | null>;
  /** Tells load balancers (via /readyz) to stop sending here, and closes METRICS_PORT's server. */
  stopping(): void;
  close(): Promise<void>;
}

export interface OperationsDeps {
  config: Pick<Config, "DATABASE_URL" | "METRICS_PORT" | "HOST">;
  db: Db;
  provider: Provider;
  /** Channels the configuration turns on, and those running now. */
  channels: { configured(): string[]; started(): string[] };
  /** The model path's running totals, when a model is configured. */
  llm?: MetricSources["llm"];
}

export function createOperations(deps: OperationsDeps): Operations {
  const { config, db } = deps;
  const metrics = createMetrics({ outbox: () => outboxStats(db), ...(deps.llm ? { llm: deps.llm } : {}) });
  let stopping = false;
  let server: Awaited<ReturnType<typeof startOpsServer>> | null = null;
  const endpoints = {
    metrics,
    readiness: () =>
      checkReadiness({
        db,
        databaseUrl: config.DATABASE_URL,
        provider: deps.provider,
        channels: deps.channels,
        stopping: () => stopping,
      }),
  };
  return {
    metrics,
    // With METRICS_PORT, /metrics moves to its own server; the public port keeps /healthz and /readyz.
    publicRoute: opsRoutes(endpoints, config.METRICS_PORT ? ["/healthz", "/readyz"] : OPS_PATHS),
    async listen() {
      if (!config.METRICS_PORT) return null;
      server = await startOpsServer(opsRoutes(endpoints), config.METRICS_PORT, config.HOST);
      return server.url;
    },
    stopping() {
      stopping = true;
    },
    close: async () => server?.close(),
  };
}
