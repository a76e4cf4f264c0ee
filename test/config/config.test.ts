import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, SECRET_VARIABLES } from "../../src/config/config.js";
import { createLogger } from "../../src/log.js";

describe("configuration", () => {
  it("has working defaults for a fresh machine", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: "file:./data/fieldmate.db",
      PORT: 3000,
      TZ_DEFAULT: "Asia/Shanghai",
      LOG_LEVEL: "info",
      DEMO_MODE: true,
      PARSE_MODE: "rules",
    });
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ TZ_DEFAULT: "Mars/Olympus" }, "TZ_DEFAULT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ PUBLIC_URL: "fieldmate.example.com" }, "PUBLIC_URL"],
    [{ FILES_SECRET: "too-short" }, "FILES_SECRET"],
    [{ WEB_SESSION_DAYS: "0" }, "WEB_SESSION_DAYS"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ PARSE_MODE: "llm" }, "LLM_BASE_URL"],
  ])("names the bad variable in %o", (env, variable) => {
    const error = (() => {
      try {
        parseConfig(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
  });

  it("never echoes a secret's value in the error", () => {
    try {
      parseConfig({ DATABASE_URL: "mysql://user:hunter2@db" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain("hunter2");
    }
  });

  it("turns on hybrid parsing when a model endpoint is configured", () => {
    expect(parseConfig({ LLM_BASE_URL: "http://127.0.0.1:8000/v1" }).PARSE_MODE).toBe("hybrid");
  });

  it("reads each channel's variables from its plugin, with the plugin's own rules", () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: " xoxb-1 ",
      SLACK_APP_TOKEN: "xapp-1",
      WECHATY_PUPPET: "wechaty-puppet-mock",
    });
    expect(config).toMatchObject({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_SIGNING_SECRET: null,
      WECHATY_PUPPET: "wechaty-puppet-mock",
    });
  });

  it("redacts every channel's secrets in the logs", () => {
    expect(SECRET_VARIABLES).toEqual(
      expect.arrayContaining([
        "LLM_API_KEY",
        "SESSION_SECRET",
        "FILES_SECRET",
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "WECHATY_PUPPET_SERVICE_TOKEN",
      ]),
    );
    let logged = "";
    const logger = createLogger(
      "info",
      new Writable({
        write: (chunk, _enc, done) => {
          logged += String(chunk);
          done();
        },
      }),
    );
    logger.info(
      { config: { SLACK_SIGNING_SECRET: "s3cret", WECHATY_PUPPET_SERVICE_TOKEN: "puppet-t0ken", PORT: 3000 } },
      "configuration",
    );
    expect(logged).not.toMatch(/s3cret|puppet-t0ken/);
    expect(logged).toContain('"PORT":3000');
  });
});

describe("operations settings", () => {
  it("read an empty METRICS_PORT as unset and an empty BACKUP_KEEP as the default 7, as .env.example leaves them", () => {
    const config = parseConfig({ METRICS_PORT: "", BACKUP_DIR: "", BACKUP_KEEP: "" });
    expect(config).toMatchObject({ METRICS_PORT: undefined, BACKUP_DIR: null, BACKUP_KEEP: 7 });
    expect(parseConfig({ METRICS_PORT: "9464", BACKUP_DIR: "/var/backups/fieldmate", BACKUP_KEEP: "0" })).toMatchObject(
      {
        METRICS_PORT: 9464,
        BACKUP_DIR: "/var/backups/fieldmate",
        BACKUP_KEEP: 0,
      },
    );
  });

  it.each([
    [{ METRICS_PORT: "0" }, "METRICS_PORT"],
    [{ BACKUP_KEEP: "-1" }, "BACKUP_KEEP"],
  ])("names the bad variable in %o", (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(variable);
  });
});
