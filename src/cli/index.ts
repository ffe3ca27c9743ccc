// The `wenze` command line. Each command lives in ./commands/<name>.ts and exports
// `register(program)`; this file only assembles them and maps usage errors to exit 2.
import { Command, CommanderError } from 'commander';
import { register as registerAudit } from './commands/audit.js';
import { register as registerBackup } from './commands/backup.js';
import { register as registerCatalog } from './commands/catalog.js';
import { register as registerDemo } from './commands/demo.js';
import { register as registerDetermine } from './commands/determine.js';
import { register as registerDisclosure } from './commands/disclosure.js';
import { register as registerDuties } from './commands/duties.js';
import { register as registerDutiesImport } from './commands/duties-import.js';
import { register as registerGenerate } from './commands/generate.js';
import { register as registerImport } from './commands/import.js';
import { register as registerKeys } from './commands/keys.js';
import { register as registerMigrate } from './commands/migrate.js';
import { register as registerRelief } from './commands/relief.js';
import { register as registerReview } from './commands/review.js';
import { register as registerRules } from './commands/rules.js';
import { register as registerScan } from './commands/scan.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerTolerance } from './commands/tolerance.js';
import { register as registerUser } from './commands/user.js';

export function buildProgram(): Command {
  const program = new Command('wenze')
    .description(
      '问责 Wenze — 行政执法过错责任追究系统 (administrative law-enforcement fault accountability)',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerServe,
    registerMigrate,
    registerDemo,
    registerUser,
    registerCatalog,
    registerRules,
    registerDetermine,
    registerTolerance,
    registerRelief,
    registerReview,
    registerDuties,
    registerDutiesImport,
    registerScan,
    registerGenerate,
    registerImport,
    registerDisclosure,
    registerAudit,
    registerKeys,
    registerBackup,
  ]) {
    register(program);
  }
  const overrideAll = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().showHelpAfterError();
      overrideAll(sub);
    }
  };
  overrideAll(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage errors are bad input: exit 2.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    throw e;
  }
}

await main(process.argv);
