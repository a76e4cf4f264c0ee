import { fuzz } from "./fuzz.js";

const failures = await fuzz((process.argv[2] ?? "sqlite") as "sqlite", Number(process.argv[3] ?? 200));
process.exit(failures.length ? 1 : 0);
