import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import { describeControl } from '../describe-control';
import type { CliEnv } from '../env';

export function registerPause(program: Command, env: CliEnv) {
  program
    .command('pause')
    .description('pause an import at its next checkpoint')
    .argument('<jobId>', 'the import to pause')
    .action((jobId: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const result = await (await scope.signedIn()).importPause.mutate({ jobId });
        scope.print(describeControl(result));
      }),
    );
}
