/** Where the server may run: demo mode refuses every configuration others could reach, and requests must name this server. */
import { describe, expect, it } from "vitest";
import { type AnyChannelPlugin, CHANNELS } from "../../src/channels/index.js";
import { ConfigError, parseConfig } from "../../src/config/config.js";
import {
  allowedHostNames,
  assertSafeToServe,
  hostAllowed,
  isLoopbackHost,
  publicBaseUrl,
  servingWarnings,
} from "../../src/config/serving.js";
import { pagerChannel } from "../channels/pager/index.js";

function refusal(env: Record<string, string>, channels: readonly AnyChannelPlugin[] = CHANNELS): ConfigError | null {
  try {
    assertSafeToServe(parseConfig(env, channels), channels);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

describe("demo mode runs only where nobody else can reach it", () => {
  it("runs on the defaults (loopback, no credentials)", () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ HOST: "localhost" })).toBeNull();
    expect(refusal({ HOST: "::1" })).toBeNull();
  });

  it.each(["0.0.0.0", "::", "192.168.1.20", "fieldmate.acme.com", ""])(
    "refuses HOST=%s with a message naming DEMO_MODE and HOST",
    (host) => {
      const error = refusal({ HOST: host });
      expect(error?.variable).toBe("DEMO_MODE");
      expect(error?.message).toMatch(/DEMO_MODE is true/);
      expect(error?.message).toMatch(/HOST=/);
      expect(error?.message).toContain("DEMO_MODE=false");
    },
  );

  it("refuses PUBLIC_URL and any chat channel's credentials, a new channel's too", () => {
    expect(refusal({ PUBLIC_URL: "https://fieldmate.acme.com" })?.message).toMatch(/PUBLIC_URL is set/);
    expect(refusal({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" })?.message).toMatch(
      /chat credentials configured \(slack\)/,
    );
    expect(refusal({ WECHATY_PUPPET: "wechaty-puppet-wechat4u" })?.message).toMatch(/\(wechat\)/);
    const withPager = [...CHANNELS, pagerChannel().plugin];
    expect(refusal({ PAGER_TOKEN: "t" }, withPager)?.message).toMatch(/\(pager\)/);
  });

  it("lets every configuration run outside demo mode", () => {
    expect(
      refusal({
        DEMO_MODE: "false",
        HOST: "0.0.0.0",
        PUBLIC_URL: "https://x.example",
        SLACK_BOT_TOKEN: "b",
        SLACK_APP_TOKEN: "a",
      }),
    ).toBeNull();
  });
});

describe("the Host check", () => {
  it("knows loopback names", () => {
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "app.localhost", "::ffff:127.0.0.1"])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "10.0.0.1", "attacker.example", "localhost.attacker.example"])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it("accepts loopback, HOST and PUBLIC_URL's host, with any port, and nothing else", () => {
    const allowed = allowedHostNames(
      parseConfig({ DEMO_MODE: "false", HOST: "10.0.0.5", PUBLIC_URL: "https://Fieldmate.Acme.com/chat" }),
    );
    expect(allowed).toEqual(expect.arrayContaining(["10.0.0.5", "fieldmate.acme.com"]));
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "10.0.0.5:3000", "fieldmate.acme.com"])
      expect(hostAllowed(host, allowed), host).toBe(true);
    for (const host of [
      undefined,
      "",
      "attacker.example",
      "fieldmate.acme.com.attacker.example",
      "10.0.0.6:3000",
      "a b",
    ])
      expect(hostAllowed(host, allowed), String(host)).toBe(false);
    // A wildcard HOST names no host: only loopback and PUBLIC_URL.
    expect(allowedHostNames(parseConfig({ DEMO_MODE: "false", HOST: "0.0.0.0" }))).not.toContain("0.0.0.0");
  });
});

describe("the base of sign-in links", () => {
  it("is PUBLIC_URL, else the address the server listens on, else http://HOST:PORT", () => {
    expect(publicBaseUrl(parseConfig({ DEMO_MODE: "false", PUBLIC_URL: "https://fm.example/" }))).toBe(
      "https://fm.example",
    );
    expect(publicBaseUrl(parseConfig({}), "http://127.0.0.1:40123")).toBe("http://127.0.0.1:40123");
    expect(publicBaseUrl(parseConfig({ PORT: "8080" }))).toBe("http://127.0.0.1:8080");
    expect(publicBaseUrl(parseConfig({ HOST: "0.0.0.0" }))).toBe("http://localhost:3000");
  });
});

describe("start-up warnings", () => {
  it("warns of a reachable HOST without PUBLIC_URL, where other names get 421", () => {
    expect(servingWarnings(parseConfig({ DEMO_MODE: "false", HOST: "0.0.0.0" }))[0]).toMatch(/without PUBLIC_URL/);
    expect(
      servingWarnings(parseConfig({ DEMO_MODE: "false", HOST: "0.0.0.0", PUBLIC_URL: "https://x.example" })),
    ).toEqual([]);
    expect(servingWarnings(parseConfig({}))).toEqual([]);
  });
});
