/**
 * The "done when", over HTTP through the app as `npm start` wires it: after M01–M03 log
 * visits, S01 asks 团队今天情况 in the web chat and gets the figures and a chart the page can load;
 * 谁还没报 names exactly those with no report; a manager asking gets only their own figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { openDatabase } from "../../src/store/database.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { TEST_ROSTER } from "../support/fixtures.js";

interface WireReply {
  kind: string;
  title?: string;
  text?: string;
  url?: string;
  lines?: { label: string; value: string }[];
}

describe("team status in the web chat", () => {
  let app: App;
  let scratch: ScratchDatabase;
  const say = async (from: string, text: string) => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from, text }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { replies: WireReply[] }).replies;
  };

  beforeAll(async () => {
    scratch = scratchSqlite();
    const database = await openDatabase(scratch.url);
    await importRoster(database.db, TEST_ROSTER);
    await database.close();
    app = await startApp(
      parseConfig({
        DATABASE_URL: scratch.url,
        PORT: "0",
        LOG_LEVEL: "silent",
        SCHEDULER: "false",
        LOAD_DEMO_DATA: "false",
      }),
    );
    await say("M01", "王记小卖部 软中华断货，老周副食店 硬中华10条");
    await say("M02", "李强超市 陈列理货");
  });
  afterAll(async () => {
    await app?.stop();
    await scratch?.drop();
  });

  it("answers S01 with per-member figures and a chart served under /files/", async () => {
    const replies = await say("S01", "团队今天情况");
    const card = replies.find((r) => r.kind === "card")!;
    const value = (name: string) => card.lines!.find((l) => l.label === name)!.value;
    expect(value("林志强")).toMatch(/拜访 2 家次/);
    expect(value("黄丽萍")).toMatch(/拜访 1 家次/);
    expect(value("张伟")).toMatch(/还没上报/);
    const image = replies.find((r) => r.kind === "image")!;
    expect(image).not.toHaveProperty("png"); // bytes stay on the server; the page loads the URL
    const png = await fetch(`${app.url}${image.url}`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("names exactly those with no report, and gives a manager only their own figures", async () => {
    const who = (await say("S01", "谁还没报")).find((r) => r.kind === "card")!;
    expect(who.title).toMatch(/还没报拜访的有 1 人：张伟。$/);
    const own = await say("M03", "团队今天情况");
    expect(own[0]?.text).toContain("客户经理只能查看自己的数据");
    expect(JSON.stringify(own)).not.toMatch(/林志强|黄丽萍/);
  });

  it("serves the export under its signed /files/ link, as a download, and nothing without the signature", async () => {
    const file = (await say("S01", "导出本周拜访记录")).find((r) => r.kind === "file")!;
    const response = await fetch(`${app.url}${file.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename\*=UTF-8''visits-/);
    expect((await fetch(`${app.url}${file.url!.split("?")[0]}`)).status).toBe(403);
    expect((await fetch(`${app.url}/files/not-a-token/x.xlsx`)).status).toBe(403);
  });
});
