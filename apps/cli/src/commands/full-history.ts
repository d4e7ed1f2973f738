import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { followJob } from '../follow/follow-job';
import { printPlan } from '../print-plan';

/**
 * Right after connecting a bank: everything it keeps, up to two years, while the minutes after consent let it
 * share more than the last 90 days.
 */
export function registerFullHistory(program: Command, env: CliEnv) {
  program
    .command('full-history')
    .description(
      'right after connecting: import all the history the bank keeps (up to two years), and follow it',
    )
    .requiredOption('--connection <id>', 'the bank connection (see `spending accounts`)')
    .action((options: { connection: string }, command: Command) =>
      runCommand(command, env, async (scope) => {
        const api = await scope.signedIn();
        const plan = await api.importFullHistory.mutate({ connectionId: options.connection });
        printPlan(plan, scope.print);
        scope.print();
        scope.print(`Import ${plan.jobId} queued.`);
        return followJob(api, plan.jobId, scope);
      }),
    );
}
