import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { followJob } from '../follow/follow-job';

export function registerStart(program: Command, env: CliEnv) {
  program
    .command('start')
    .description('start a planned import')
    .argument('<jobId>', 'the job id `spending plan` printed')
    .option('--follow', 'show its progress until it ends')
    .action((jobId: string, options: { follow?: boolean }, command: Command) =>
      runCommand(command, env, async (scope) => {
        const api = await scope.signedIn();
        await api.importStart.mutate({ jobId });
        scope.print(`Import ${jobId} queued.`);
        if (options.follow) return followJob(api, jobId, scope);
        scope.print(`Follow it with: spending follow ${jobId}`);
      }),
    );
}
