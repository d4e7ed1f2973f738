import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { formatDateTime, plural } from '../format';

export function registerExtend(program: Command, env: CliEnv) {
  program
    .command('extend')
    .description('reconfirm a bank consent for another 90 days (UK banks), resuming paused schedules')
    .argument('<connectionId>', 'the bank connection (see `spending accounts`)')
    .action((connectionId: string, _options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const connection = await (await scope.signedIn()).connections.extendConsent.mutate({ connectionId });
        scope.print(
          `Consent for ${connection.providerName} extended: it ends ${formatDateTime(connection.consentExpiresAt)} (${plural(connection.consentDaysLeft, 'day')} left).`,
        );
      }),
    );
}
