import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import { describeControl } from '../describe-control';
import type { CliEnv } from '../env';

export function registerCancel(program: Command, env: CliEnv) {
  program
    .command('cancel')
    .description('cancel an import (what it imported stays)')
    .argument('<jobId>', 'the import to cancel')
    .action((jobId: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const result = await (await scope.signedIn()).importCancel.mutate({ jobId });
        scope.print(describeControl(result));
      }),
    );
}
