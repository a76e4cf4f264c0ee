/**
 * The admin and tooling command line: `npm run -s cli -- <command> ...` (or `node dist/cli/main.js`).
 * Every command opens the configured database, which applies pending migrations first,
 * so each works on a fresh, empty database.
 *
 * Each command's module is imported when that command runs: `--help` and a one-line `parse` start
 * without loading the model client, the workbook library or the other commands (scripts/bench/startup.ts).
 */
import { parseArgs } from "node:util";
import { channelNames } from "../channels/index.js";
import { type Config, ConfigError, loadConfig } from "../config/config.js";
import type { Database } from "../store/database.js";

const USAGE = `Fieldmate command line

  import PATH [--encoding ENC]                 load a roster folder (people, retailers, products as .csv or .xlsx)
                                               or one .xlsx workbook with sheets of those names (idempotent)
  roster-template DIR [--lang zh|en]           write an .xlsx roster template (headers, an example row, notes)
  link --person ID --channel ${channelNames().join("|")} --external EXTERNAL_ID
                                               link a chat identity to a person
  unlink --person ID --channel ${channelNames().join("|")}
                                               remove the person's chat identities on that channel
  invite --person ID [--days 7]                print a one-time code; the person sends it to the bot to link that chat account
  login-link --person ID [--minutes 15]        print a one-time web chat sign-in link (base: PUBLIC_URL, else http://HOST:PORT)
  sessions revoke --person ID                  sign the person out of the web chat everywhere
  person deactivate ID | person activate ID    offboarding: refused on every channel, no pushes, signed out
  parse --fixtures DIR --input FILE.jsonl [--llm]
                                               parse evaluation-style lines into FORMAT.md records (fresh temp database)
  status --team NAME --date YYYY-MM-DD [--json] [--lang zh|en]
                                               a team's day: visits against plan, stock-outs, promotions, red flags
  plan --person ID --date YYYY-MM-DD [--json]  a manager's visit plan for a day, with reasons and route
  rules list | set --segment S --every DAYS | reset --segment S
                                               visit frequency per shop segment (分类拜访)
  target add|remove --team NAME --month YYYY-MM --sku SKU | target list [--team NAME] [--month YYYY-MM]
                                               monthly brand-cultivation targets
  reminder add --cron "0 8 * * 1" --audience team:NAME|role:ROLE|all --text-zh TEXT --text-en TEXT
  reminder list | reminder remove ID           scheduled policy reminders
  quiz import FILE.csv | quiz list             the 应知应会 question bank
  backup FILE [--force]                        an online, consistent copy of the SQLite database (safe while the bot runs)
  restore FILE                                 replace the SQLite database with a backup (the bot must be stopped)
  audit-check [--database URL]                 replay the audit trail; report records it does not explain (exit 1)
  help                                         this text

The database comes from DATABASE_URL (default file:./data/fieldmate.db).`;

type Command = (args: string[]) => Promise<number>;

const out = process.stdout;
const err = process.stderr;

const commands: Record<string, Command> = {
  import: async (args) => {
    const { runImport } = await import("./import-command.js");
    return withDatabase(({ db }, config) => runImport(db, args, out, err, config.TZ_DEFAULT));
  },
  "roster-template": async (args) => (await import("./roster-template-command.js")).runRosterTemplate(args, out, err),
  link: (args) =>
    withDatabase(async ({ db }) => {
      const { values } = parseArgs({
        args,
        options: { person: { type: "string" }, channel: { type: "string" }, external: { type: "string" } },
      });
      if (!values.person || !values.channel || !values.external)
        return usage("link needs --person, --channel and --external");
      if (!channelNames().includes(values.channel))
        return usage(`unknown channel ${values.channel}: use ${channelNames().join(", ")}`);
      const { RosterStore } = await import("../store/roster-store.js");
      const roster = new RosterStore(db);
      const person = await roster.person(values.person);
      if (!person) {
        err.write(`unknown person ${values.person}\n`);
        return 1;
      }
      await roster.link(person.id, values.channel, values.external);
      out.write(`linked ${values.channel}:${values.external} to ${person.id} ${person.name}\n`);
      return 0;
    }),
  invite: async (args) => {
    const { runInvite } = await import("./invite-command.js");
    return withDatabase(({ db }) => runInvite(db, args, out, err));
  },
  unlink: async (args) => {
    const { runUnlink } = await import("./unlink-command.js");
    return withDatabase(({ db }) => runUnlink(db, args, channelNames(), out, err));
  },
  "login-link": async (args) => {
    const [{ runLoginLink }, { publicBaseUrl }] = await Promise.all([
      import("./login-link-command.js"),
      import("../config/serving.js"),
    ]);
    return withDatabase(({ db }, config) => runLoginLink(db, publicBaseUrl(config), args, out, err));
  },
  sessions: async (args) => {
    const { runSessions } = await import("./sessions-command.js");
    return withDatabase(({ db }) => runSessions(db, args, out, err));
  },
  person: async (args) => {
    const { runPerson } = await import("./person-command.js");
    return withDatabase(({ db }) => runPerson(db, args, out, err));
  },
  parse: async (args) => (await import("./parse-command.js")).runParse(args, out, err),
  plan: async (args) => {
    const { runPlan } = await import("./plan-command.js");
    return withDatabase(({ db }) => runPlan(db, args, out, err));
  },
  rules: async (args) => {
    const { runRules } = await import("./plan-command.js");
    return withDatabase(({ db }) => runRules(db, args, out, err));
  },
  target: async (args) => {
    const { runTarget } = await import("./plan-command.js");
    return withDatabase(({ db }) => runTarget(db, args, out, err));
  },
  reminder: async (args) => {
    const { runReminder } = await import("./reminder-command.js");
    return withDatabase(({ db }) => runReminder(db, args, out, err));
  },
  quiz: async (args) => {
    const { runQuiz } = await import("./quiz-command.js");
    return withDatabase(({ db }) => runQuiz(db, args, out, err));
  },
  status: async (args) => {
    const { runStatus } = await import("./status-command.js");
    return withDatabase(({ db }) => runStatus(db, args, out, err));
  },
  backup: async (args) => (await import("./backup-command.js")).runBackup(args, loadConfig(), out, err),
  restore: async (args) => (await import("./backup-command.js")).runRestore(args, loadConfig(), out, err),
  "audit-check": async (args) => (await import("./audit-check-command.js")).runAuditCheck(args, out, err),
  help: showHelp,
  "--help": showHelp,
  "-h": showHelp,
};

async function showHelp(): Promise<number> {
  out.write(`${USAGE}\n`);
  return 0;
}

async function withDatabase(run: (database: Database, config: Config) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const { openDatabase } = await import("../store/database.js");
  const database = await openDatabase(config.DATABASE_URL);
  try {
    return await run(database, config);
  } finally {
    await database.close();
  }
}

function usage(message: string): number {
  err.write(`${message}\n\n${USAGE}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = commands[name ?? "help"];
  if (!command) return usage(`unknown command ${name}`);
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      err.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
