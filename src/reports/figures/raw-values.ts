/**
 * Raw SQL values differ by database: counts come back as BigInt (both), sums as numeric strings
 * (PostgreSQL), aggregated timestamps as Date, ISO text or epoch ms.
 * These helpers give the reports one shape whatever the store.
 */

export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === "number" ? value : Number(value);
}

export function date(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  // SQLite can keep a timestamp as epoch milliseconds in text form.
  const parsed = /^\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
