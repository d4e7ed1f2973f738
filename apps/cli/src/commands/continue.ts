import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { followJob } from '../follow/follow-job';

/** After reconnecting the bank: the import fetches exactly the dates that were locked, into its own receipt. */
export function registerContinue(program: Command, env: CliEnv) {
  program
    .command('continue')
    .description('after reconnecting the bank: fetch an import’s locked dates (older than 90 days) into it')
    .argument('<jobId>', 'the import that ended with locked dates')
    .action((jobId: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const api = await scope.signedIn();
        await api.importContinueLocked.mutate({ jobId });
        scope.print(`Import ${jobId} continues with its locked dates.`);
        return followJob(api, jobId, scope);
      }),
    );
}
