/**
 * The kinds of environment variable Fieldmate reads, as zod schemas: shared by the app's own
 * settings (config.ts) and each channel's part (src/channels/<name>/).
 */
import { z } from "zod";

/** true/false, 1/0, yes/no; empty means the default. */
export const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .default(fallback ? "true" : "false")
    .transform((v) => (v === "" ? fallback : ["true", "1", "yes"].includes(v)));

/** Text that may be left unset or empty: null then, else trimmed. */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : null));

export const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be an IANA time zone such as Asia/Shanghai" },
);

/** A number left empty in .env (`METRICS_PORT=`) means unset, not 0. */
export const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);
