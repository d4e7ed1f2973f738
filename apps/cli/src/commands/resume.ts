import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import { describeControl } from '../describe-control';
import type { CliEnv } from '../env';

export function registerResume(program: Command, env: CliEnv) {
  program
    .command('resume')
    .description('resume a paused import')
    .argument('<jobId>', 'the import to resume')
    .action((jobId: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const result = await (await scope.signedIn()).importResume.mutate({ jobId });
        scope.print(describeControl(result));
      }),
    );
}
