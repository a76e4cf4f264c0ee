/**
 * `isoInZone` remembers a zone's offset for a quarter hour: it must write every instant exactly as
 * formatting the instant's own parts does, on both sides of every change of offset.
 */
import { describe, expect, it } from "vitest";
import { isoInZone } from "../../src/domain/calendar.js";

/** The instant formatted part by part in the zone, with no remembered offset (what isoInZone did before). */
function formatted(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offset = Math.round((Date.parse(`${local}Z`) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local}${offset < 0 ? "-" : "+"}${hhmm}`;
}

const ZONES = [
  "UTC",
  "Asia/Shanghai",
  "America/New_York",
  "America/Los_Angeles",
  "Europe/London",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "America/St_Johns",
];

/** Around the changes of offset of 2026 in these zones, every 7 minutes 13 seconds, over whole days. */
const AROUND = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-09-27", "2026-10-04", "2026-10-25", "2026-11-01"];

describe("isoInZone", () => {
  it("writes every instant as its zone's clock shows it, across changes of offset", () => {
    for (const timeZone of ZONES)
      for (const day of AROUND) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let t = start; t < start + 3 * 86_400_000; t += 433_000) {
          const instant = new Date(t + 123);
          expect(`${timeZone} ${isoInZone(instant, timeZone)}`).toBe(`${timeZone} ${formatted(instant, timeZone)}`);
        }
      }
  });

  it("writes the same instant the same way whether its offset is remembered or not", () => {
    const instant = new Date("2026-11-25T09:40:00.500Z");
    expect(isoInZone(instant, "Asia/Shanghai")).toBe("2026-11-25T17:40:00+08:00");
    expect(isoInZone(instant, "Asia/Shanghai")).toBe("2026-11-25T17:40:00+08:00");
    expect(isoInZone(new Date("2026-03-08T07:00:00Z"), "America/New_York")).toBe("2026-03-08T03:00:00-04:00");
    expect(isoInZone(new Date("2026-03-08T06:59:59Z"), "America/New_York")).toBe("2026-03-08T01:59:59-05:00");
  });
});
