/**
 * The audit check finds what the conversations must never do: a record changed by a message that
 * names another shop (the old "new report taken for a correction"), a record whose rows no longer
 * match its trail, a record with no trail. On SQLite and PostgreSQL, through the function and the CLI.
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runAuditCheck } from "../../src/cli/audit-check-command.js";
import { loadDemoIfEmpty } from "../../src/demo/load-demo.js";
import type { FormatVisit } from "../../src/domain/records.js";
import { createLogger } from "../../src/log.js";
import { openDatabase } from "../../src/store/database.js";
import { formatOf, RecordStore } from "../../src/store/record-store.js";
import { auditCheck } from "../../src/visits/audit-check.js";
import { type ChatWorld, chatWorld } from "../support/chat.js";
import { PROVIDERS } from "../support/databases.js";

const AUSTIN = "2026-11-25T16:00:00-06:00";

function sink(): Writable & { text: string } {
  const out = new Writable({
    write(chunk, _encoding, done) {
      out.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  out.text = "";
  return out;
}

describe.each(PROVIDERS)("the audit check on $name", ({ create }) => {
  let world: ChatWorld;
  afterEach(async () => world?.close());

  async function sunriseThenJoes() {
    world = await chatWorld([], { database: create });
    await world.say("M07", "Sunrise: 4 cases Diet Coke, out of Coke Zero", { at: AUSTIN });
    await world.say("M07", "No Sprite left at Joe's, they ordered 6 cases Diet Coke", { at: AUSTIN });
    const { db } = world.database;
    const sunrise = await db.visit.findFirstOrThrow({ where: { retailerId: "R159" } });
    const joesMessage = await db.inboundMessage.findFirstOrThrow({ where: { text: { startsWith: "No Sprite" } } });
    return { db, sunrise, joesMessage };
  }

  it("finds nothing in a conversation that kept every record straight, and the CLI exits 0", async () => {
    await sunriseThenJoes();
    const report = await auditCheck(world.database.db);
    expect(report).toMatchObject({ records: 2, entries: 2, findings: [] });
    const out = sink();
    expect(await runAuditCheck(["--database", world.url], out, sink())).toBe(0);
    expect(out.text).toContain("2 records, 2 audit entries checked: all consistent");
  });

  it("reports a record changed by a message that names another shop (a new report taken for a correction)", async () => {
    const { db, sunrise, joesMessage } = await sunriseThenJoes();
    const records = new RecordStore(db);
    const stored = await records.get("visit", sunrise.id);
    if (stored?.type !== "visit") throw new Error("the Sunrise visit is stored");
    // What the old correction handler did: the Joe's report rewrote the Sunrise visit.
    await records.update(
      stored,
      {
        ...(formatOf(stored) as FormatVisit),
        retailer: "R151",
        stock: [],
        outOfStock: ["B004"],
        orders: [{ sku: "B003", qty: 6, unit: "case" }],
      },
      { actorId: "M07", messageId: joesMessage.id },
    );
    const { findings } = await auditCheck(db);
    expect(findings).toEqual([expect.objectContaining({ kind: "unnamed_record", record: `visit:${sunrise.id}` })]);
    expect(findings[0]?.detail).toContain("No Sprite left at Joe's");
    const out = sink();
    expect(await runAuditCheck(["--database", world.url], out, sink())).toBe(1);
    expect(out.text).toContain(`unnamed_record visit:${sunrise.id}`);
  });

  it("reports a record whose rows differ from its trail, and a record with no trail", async () => {
    const { db, sunrise } = await sunriseThenJoes();
    await db.visitLine.updateMany({ where: { visitId: sunrise.id, kind: "stock" }, data: { qty: 40 } });
    const joes = await db.visit.findFirstOrThrow({ where: { retailerId: "R151" } });
    await db.auditEntry.deleteMany({ where: { entityId: joes.id } });
    const findings = (await auditCheck(db)).findings.map((f) => `${f.kind} ${f.record}`);
    expect(findings.sort()).toEqual([`no_trail visit:${joes.id}`, `state_differs visit:${sunrise.id}`]);
  });

  it("follows undo: a withdrawn record and a reverted change both replay to what is stored", async () => {
    world = await chatWorld([], { database: create });
    await world.say("M02", "张记便利店 红塔山还有12条");
    await world.say("M02", "不对，是15条");
    await world.say("M02", "撤销");
    await world.say("M02", "撤销");
    const report = await auditCheck(world.database.db);
    expect(report).toMatchObject({ records: 1, entries: 4, findings: [] });
  });

  it("finds nothing to report on the demo organisation: its seeded history is audited as created", async () => {
    const scratch = await create();
    const database = await openDatabase(scratch.url);
    try {
      expect(await loadDemoIfEmpty(database.db, createLogger("silent"), new Date("2026-11-25T09:00:00+08:00"))).toBe(
        true,
      );
      const report = await auditCheck(database.db);
      expect(report.records).toBeGreaterThan(100);
      expect(report.entries).toBe(report.records);
      expect(report.findings).toEqual([]);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});
