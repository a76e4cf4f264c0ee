/**
 * The admin and tooling command line: `npm run -s cli -- <command> ...`.
 * Every command opens the configured database, which applies pending migrations first,
 * so each works on a fresh, empty database.
 */
import { parseArgs } from "node:util";
import { channelNames } from "../channels/index.js";
import { type Config, ConfigError, loadConfig } from "../config/config.js";
import { publicBaseUrl } from "../config/serving.js";
import { type Database, openDatabase } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";
import { runAuditCheck } from "./audit-check-command.js";
import { runImport } from "./import-command.js";
import { runInvite } from "./invite-command.js";
import { runLoginLink } from "./login-link-command.js";
import { runParse } from "./parse-command.js";
import { runPerson } from "./person-command.js";
import { runPlan, runRules, runTarget } from "./plan-command.js";
import { runQuiz } from "./quiz-command.js";
import { runReminder } from "./reminder-command.js";
import { runSessions } from "./sessions-command.js";
import { runStatus } from "./status-command.js";
import { runUnlink } from "./unlink-command.js";

const USAGE = `Fieldmate command line

  import DIR                                   load people.csv, retailers.csv, products.csv (idempotent)
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
  audit-check [--database URL]                 replay the audit trail; report records it does not explain (exit 1)
  help                                         this text

The database comes from DATABASE_URL (default file:./data/fieldmate.db).`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  import: (args) =>
    withDatabase(async ({ db }, config) => {
      const dir = args[0];
      if (!dir) return usage("import needs a folder: cli import DIR");
      return runImport(db, dir, process.stdout, process.stderr, config.TZ_DEFAULT);
    }),
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
      const roster = new RosterStore(db);
      const person = await roster.person(values.person);
      if (!person) {
        process.stderr.write(`unknown person ${values.person}\n`);
        return 1;
      }
      await roster.link(person.id, values.channel, values.external);
      process.stdout.write(`linked ${values.channel}:${values.external} to ${person.id} ${person.name}\n`);
      return 0;
    }),
  unlink: (args) => withDatabase(({ db }) => runUnlink(db, args, channelNames(), process.stdout, process.stderr)),
  invite: (args) => withDatabase(({ db }) => runInvite(db, args, process.stdout, process.stderr)),
  "login-link": (args) =>
    withDatabase(({ db }, config) => runLoginLink(db, publicBaseUrl(config), args, process.stdout, process.stderr)),
  sessions: (args) => withDatabase(({ db }) => runSessions(db, args, process.stdout, process.stderr)),
  person: (args) => withDatabase(({ db }) => runPerson(db, args, process.stdout, process.stderr)),
  parse: (args) => runParse(args, process.stdout, process.stderr),
  plan: (args) => withDatabase(({ db }) => runPlan(db, args, process.stdout, process.stderr)),
  rules: (args) => withDatabase(({ db }) => runRules(db, args, process.stdout, process.stderr)),
  target: (args) => withDatabase(({ db }) => runTarget(db, args, process.stdout, process.stderr)),
  reminder: (args) => withDatabase(({ db }) => runReminder(db, args, process.stdout, process.stderr)),
  quiz: (args) => withDatabase(({ db }) => runQuiz(db, args, process.stdout, process.stderr)),
  status: (args) => withDatabase(({ db }) => runStatus(db, args, process.stdout, process.stderr)),
  "audit-check": (args) => runAuditCheck(args, process.stdout, process.stderr),
  help: async () => {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  },
};

async function withDatabase(run: (database: Database, config: Config) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL);
  try {
    return await run(database, config);
  } finally {
    await database.close();
  }
}

function usage(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
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
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
