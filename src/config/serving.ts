/**
 * Where the server may run and under which names it answers. Demo mode (anyone may act as anyone)
 * is the zero-configuration default, so it must never be reachable by others: it runs on a loopback
 * HOST only, without PUBLIC_URL, and never beside chat credentials (a real team's data). Requests
 * must name this server (loopback, HOST or PUBLIC_URL's host), which stops DNS rebinding.
 */
import type { AnyChannelPlugin } from "../channels/channel-plugin.js";
import { CHANNELS } from "../channels/index.js";
import { type Config, ConfigError } from "./config.js";

const WILDCARDS = new Set(["", "0.0.0.0", "::", "[::]"]);

/** Host names as compared: lower case, without IPv6 brackets or a trailing dot. */
function normalHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

/** localhost, 127.0.0.0/8 and ::1 (also written as an IPv4-mapped address). */
export function isLoopbackHost(host: string): boolean {
  const h = normalHost(host).replace(/^::ffff:/, "");
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

type ServingConfig = Pick<Config, "DEMO_MODE" | "HOST" | "PUBLIC_URL">;

/**
 * Throws ConfigError when the configuration would expose demo mode: a HOST others can reach,
 * PUBLIC_URL, or any chat channel's credentials. `npm start` exits with its message.
 */
export function assertSafeToServe(config: Config, channels: readonly AnyChannelPlugin[] = CHANNELS): void {
  if (!config.DEMO_MODE) return;
  const fix =
    "Set DEMO_MODE=false for a server others can reach (each person then signs in with a one-time link: " +
    "npm run -s cli -- login-link --person ID)";
  const demo = "is true (anyone may act as anyone, the admin included)";
  if (!isLoopbackHost(config.HOST)) {
    throw new ConfigError(
      "DEMO_MODE",
      `${demo} and runs only on a loopback HOST, but HOST=${config.HOST || "(all interfaces)"}. ${fix}, or HOST=127.0.0.1 to try it on this machine.`,
    );
  }
  if (config.PUBLIC_URL) {
    throw new ConfigError("DEMO_MODE", `${demo} and is for this machine only, but PUBLIC_URL is set. ${fix}.`);
  }
  const chats = channels.filter((c) => c.name !== "web" && c.enabled(config)).map((c) => c.name);
  if (chats.length > 0) {
    throw new ConfigError(
      "DEMO_MODE",
      `${demo} and cannot run with chat credentials configured (${chats.join(", ")}): a real team would be open to anyone on HOST=${config.HOST}. ${fix}.`,
    );
  }
}

/** The host names requests may carry in their Host header: loopback names, HOST, PUBLIC_URL's host. */
export function allowedHostNames(config: ServingConfig): string[] {
  const names = ["localhost", "127.0.0.1", "::1"];
  if (!WILDCARDS.has(config.HOST.trim())) names.push(normalHost(config.HOST));
  if (config.PUBLIC_URL) names.push(normalHost(new URL(config.PUBLIC_URL).hostname));
  return [...new Set(names)];
}

/** Whether a request's Host header names this server (the port is not compared: proxies change it). */
export function hostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  if (!hostHeader) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return false;
  }
  const host = normalHost(hostname);
  return isLoopbackHost(host) || allowed.includes(host);
}

/**
 * The base of links people open (sign-in links): PUBLIC_URL, else this server's own address
 * (`listening`, once known, else http://HOST:PORT), a wildcard HOST shown as localhost.
 */
export function publicBaseUrl(config: ServingConfig & Pick<Config, "PORT">, listening?: string): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, "");
  if (listening) return listening;
  const host = WILDCARDS.has(config.HOST.trim()) ? "localhost" : config.HOST;
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${config.PORT}`;
}

/** What an operator should hear at start-up: a reachable HOST without PUBLIC_URL answers loopback names only. */
export function servingWarnings(config: ServingConfig): string[] {
  if (config.DEMO_MODE || isLoopbackHost(config.HOST) || config.PUBLIC_URL) return [];
  return [
    `HOST=${config.HOST || "(all interfaces)"} without PUBLIC_URL: requests naming this server by another address get 421; set PUBLIC_URL to the address people use`,
  ];
}
