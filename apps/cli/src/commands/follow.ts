import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { followJob } from '../follow/follow-job';

export function registerFollow(program: Command, env: CliEnv) {
  program
    .command('follow')
    .description(
      'show an import’s progress until it ends (exit 0 completed, 2 with errors, 1 failed or cancelled)',
    )
    .argument('<jobId>', 'the import to follow')
    .action((jobId: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => followJob(await scope.signedIn(), jobId, scope)),
    );
}
