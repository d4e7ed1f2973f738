import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';

export function registerRename(program: Command, env: CliEnv) {
  program
    .command('rename')
    .description('give a bank connection your own name (1–60 characters), shown wherever it is named')
    .argument('<connectionId>', 'the bank connection (see `spending accounts`)')
    .argument('<name>', 'the new name, e.g. "Joint account"')
    .action((connectionId: string, name: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const api = await scope.signedIn();
        const connection = await api.connections.rename.mutate({ connectionId, label: name });
        scope.print(`Connection ${connection.id} is now called ${connection.name}.`);
      }),
    );
}
