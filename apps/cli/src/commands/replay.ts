import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { followJob } from '../follow/follow-job';

export function registerReplay(program: Command, env: CliEnv) {
  program
    .command('replay')
    .description('run de-duplication of a finished import again from its raw archive, with no bank calls')
    .argument('<jobId>', 'the finished import to replay')
    .option('--follow', 'show progress until it ends')
    .action((jobId: string, options: { follow?: boolean }, command: Command) =>
      runCommand(command, env, async (scope) => {
        const api = await scope.signedIn();
        const replay = await api.importReplay.mutate({ jobId });
        scope.print(`Replay ${replay.jobId} of import ${jobId} queued.`);
        if (options.follow) return followJob(api, replay.jobId, scope);
      }),
    );
}
