import { crash } from "./crash.js";

const [provider, channel, n, kills] = process.argv.slice(2);
const failures = await crash({
  provider: provider as "sqlite",
  channel: channel as "web",
  reports: Number(n),
  kills: Number(kills),
});
console.log(failures);
process.exit(failures.length ? 1 : 0);
