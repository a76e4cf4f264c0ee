/** Brand-cultivation targets (品牌培育): the SKUs a team should get listed (上柜) in a month. */
import type { Db } from "../store/database.js";
import { deleteTarget, findTargets, insertTarget, productExists, targetExists, teamExists } from "./rule-queries.js";

export class TargetError extends Error {
  constructor(
    readonly code: "TARGET_BAD_MONTH" | "TARGET_UNKNOWN_TEAM" | "TARGET_UNKNOWN_SKU",
    message: string,
  ) {
    super(message);
  }
}

export interface Target {
  team: string;
  month: string;
  sku: string;
}

/** Adds a target (idempotent); returns false when it was already there. */
export async function addTarget(db: Db, target: Target): Promise<boolean> {
  await validate(db, target);
  if (await targetExists(db, target)) return false;
  await insertTarget(db, target);
  return true;
}

export function removeTarget(db: Db, target: Target): Promise<boolean> {
  return deleteTarget(db, target);
}

export function listTargets(db: Db, filter: { team?: string; month?: string } = {}): Promise<Target[]> {
  return findTargets(db, filter);
}

async function validate(db: Db, t: Target): Promise<void> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(t.month))
    throw new TargetError("TARGET_BAD_MONTH", `month must be YYYY-MM (got "${t.month}")`);
  if (!(await teamExists(db, t.team))) throw new TargetError("TARGET_UNKNOWN_TEAM", `unknown team ${t.team}`);
  if (!(await productExists(db, t.sku))) throw new TargetError("TARGET_UNKNOWN_SKU", `unknown SKU ${t.sku}`);
}
