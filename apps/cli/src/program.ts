import { Command } from 'commander';
import { registerAccounts } from './commands/accounts';
import { registerCancel } from './commands/cancel';
import { registerContinue } from './commands/continue';
import { registerEnrichment } from './commands/enrichment';
import { registerExtend } from './commands/extend';
import { registerFollow } from './commands/follow';
import { registerFullHistory } from './commands/full-history';
import { registerHistory } from './commands/history';
import { registerImport } from './commands/import';
import { registerJob } from './commands/job';
import { registerLogin } from './commands/login';
import { registerLogout } from './commands/logout';
import { registerPause } from './commands/pause';
import { registerPlan } from './commands/plan';
import { registerRename } from './commands/rename';
import { registerReplay } from './commands/replay';
import { registerResume } from './commands/resume';
import { registerStart } from './commands/start';
import type { CliEnv } from './env';

export function createProgram(env: CliEnv): Command {
  const program = new Command('spending')
    .description('Import bank transactions from the command line.')
    .option('--url <url>', 'the server (env SPENDING_URL)', env.defaultUrl)
    .option('--debug', 'print stack traces with errors')
    .showHelpAfterError('(run with --help for usage)');
  for (const register of [
    registerLogin,
    registerLogout,
    registerAccounts,
    registerExtend,
    registerRename,
    registerPlan,
    registerStart,
    registerFollow,
    registerImport,
    registerFullHistory,
    registerHistory,
    registerJob,
    registerCancel,
    registerPause,
    registerResume,
    registerReplay,
    registerContinue,
    registerEnrichment,
  ])
    register(program, env);
  return program;
}
