/**
 * The sign-in and offboarding commands on a scratch database loaded with the test roster: each run
 * in-process for its details, and all of them once through the real command line for the wiring.
 */
import { execFile } from "node:child_process";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInvite } from "../../src/cli/invite-command.js";
import { runLoginLink } from "../../src/cli/login-link-command.js";
import { runPerson } from "../../src/cli/person-command.js";
import { runSessions } from "../../src/cli/sessions-command.js";
import { runUnlink } from "../../src/cli/unlink-command.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { hashSecret } from "../../src/store/secret-hash.js";
import { WebSessionStore } from "../../src/store/web-session-store.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { REPO_ROOT, TEST_ROSTER } from "../support/fixtures.js";

let scratch: ScratchDatabase;
let database: Database;

beforeEach(async () => {
  scratch = scratchSqlite();
  database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
});
afterEach(async () => {
  await database?.close();
  await scratch?.drop();
});

function sink() {
  let text = "";
  const stream = new Writable({
    write: (chunk, _enc, done) => {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs one command function with fresh output sinks. */
async function command(run: (out: Writable, err: Writable) => Promise<number>) {
  const out = sink();
  const err = sink();
  const code = await run(out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

describe("cli login-link", () => {
  it("prints a one-time link on the base URL, stores only its hash, and refuses an unknown person or a bad --minutes", async () => {
    const now = new Date("2026-11-25T09:00:00Z");
    const link = (args: string[]) =>
      command((out, err) => runLoginLink(database.db, "https://fm.example.com", args, out, err, now));
    const made = await link(["--person", "M07", "--minutes", "5"]);
    expect(made.code).toBe(0);
    const [url, about] = made.stdout.split("\n");
    expect(url).toMatch(/^https:\/\/fm\.example\.com\/login\/[\w-]{43}$/);
    expect(about).toBe(
      "for M07 Jake Miller, valid until 2026-11-25T09:05:00.000Z, usable once. Send it to them privately.",
    );
    const token = url!.split("/").at(-1)!;
    const rows = await database.db.signInLink.findMany();
    expect(rows).toEqual([expect.objectContaining({ tokenHash: hashSecret(token), personId: "M07", usedAt: null })]);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect((await link(["--person", "M99"])).code).toBe(1);
    expect((await link(["--person", "M07", "--minutes", "0"])).code).toBe(2);
    expect((await link(["--person", "M07", "--minutes", "2000"])).code).toBe(2);
    expect((await link([])).code).toBe(2);
  });
});

describe("offboarding", () => {
  it("deactivates a person: sessions end, links and invite codes stop working, no new link; activate brings them back", async () => {
    const sessions = new WebSessionStore(database.db);
    const session = await sessions.open("M01", new Date(Date.now() + 86_400_000), new Date());
    await command((out, err) => runLoginLink(database.db, "http://localhost:3000", ["--person", "M01"], out, err));
    await command((out, err) => runInvite(database.db, ["--person", "M01"], out, err));
    const person = (args: string[]) => command((out, err) => runPerson(database.db, args, out, err));

    const off = await person(["deactivate", "M01"]);
    expect(off.code).toBe(0);
    expect(off.stdout).toBe(
      "deactivated M01 林志强: 1 web session(s) ended, 1 sign-in link(s) and 1 invite code(s) cancelled\n",
    );
    expect((await database.db.person.findUniqueOrThrow({ where: { id: "M01" } })).active).toBe(false);
    expect(await sessions.personOf(session, new Date())).toBeNull();
    expect(await database.db.signInLink.count({ where: { personId: "M01", usedAt: null } })).toBe(0);
    expect(await database.db.inviteCode.count({ where: { personId: "M01", expiresAt: { gt: new Date() } } })).toBe(0);
    const refused = await command((out, err) =>
      runLoginLink(database.db, "http://localhost:3000", ["--person", "M01"], out, err),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("unknown or deactivated person M01");

    const on = await person(["activate", "M01"]);
    expect(on.stdout).toContain("activated M01 林志强");
    expect((await database.db.person.findUniqueOrThrow({ where: { id: "M01" } })).active).toBe(true);
    // Sessions stay ended: they sign in again with a new link.
    expect(await sessions.personOf(session, new Date())).toBeNull();
    expect((await person(["deactivate", "M99"])).code).toBe(1);
    expect((await person(["retire", "M01"])).code).toBe(2);
  });

  it("revokes one person's web sessions, and only theirs", async () => {
    const sessions = new WebSessionStore(database.db);
    const later = new Date(Date.now() + 86_400_000);
    const phone = await sessions.open("M02", later, new Date());
    const laptop = await sessions.open("M02", later, new Date());
    const other = await sessions.open("M03", later, new Date());
    const revoke = (args: string[]) => command((out, err) => runSessions(database.db, args, out, err));
    expect((await revoke(["revoke", "--person", "M02"])).stdout).toBe("ended 2 web session(s) of M02\n");
    expect(await sessions.personOf(phone, new Date())).toBeNull();
    expect(await sessions.personOf(laptop, new Date())).toBeNull();
    expect(await sessions.personOf(other, new Date())).toBe("M03");
    expect((await revoke(["revoke"])).code).toBe(2);
    expect((await revoke(["list"])).code).toBe(2);
  });

  it("unlinks a person's identities on one channel", async () => {
    await database.db.identity.createMany({
      data: [
        { personId: "M07", channel: "slack", externalId: "U07" },
        { personId: "M07", channel: "wechat", externalId: "wx07" },
      ],
    });
    const unlink = (args: string[]) =>
      command((out, err) => runUnlink(database.db, args, ["web", "slack", "wechat"], out, err));
    expect((await unlink(["--person", "M07", "--channel", "slack"])).stdout).toBe(
      "unlinked 1 slack identity from M07\n",
    );
    expect(await database.db.identity.findMany({ select: { channel: true } })).toEqual([{ channel: "wechat" }]);
    expect((await unlink(["--person", "M07", "--channel", "slack"])).code).toBe(1);
    expect((await unlink(["--person", "M07", "--channel", "fax"])).code).toBe(2);
  });
});

describe("through the real command line", () => {
  const run = promisify(execFile);
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const { stdout } = await run("npm", ["run", "-s", "cli", "--", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: scratch.url, LOG_LEVEL: "silent", ...env },
    });
    return stdout;
  };

  it("prints a link on PUBLIC_URL, else on http://HOST:PORT, and runs the offboarding commands", async () => {
    expect(await cli(["login-link", "--person", "M07"], { PUBLIC_URL: "https://fm.example.com/" })).toMatch(
      /^https:\/\/fm\.example\.com\/login\/[\w-]{43}\n/,
    );
    expect(await cli(["login-link", "--person", "M07"], { PUBLIC_URL: "", HOST: "127.0.0.1", PORT: "8080" })).toMatch(
      /^http:\/\/127\.0\.0\.1:8080\/login\/[\w-]{43}\n/,
    );
    expect(await cli(["sessions", "revoke", "--person", "M07"])).toBe("ended 0 web session(s) of M07\n");
    await database.db.identity.create({ data: { personId: "M07", channel: "slack", externalId: "U07" } });
    expect(await cli(["unlink", "--person", "M07", "--channel", "slack"])).toBe("unlinked 1 slack identity from M07\n");
    expect(await cli(["person", "deactivate", "M07"])).toMatch(/^deactivated M07 Jake Miller/);
  }, 120_000);
});
