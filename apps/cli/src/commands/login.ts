import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { formatDateTime } from '../format';
import { writeSession } from '../session-store';

type LoginOptions = { email: string; password: string };

export function registerLogin(program: Command, env: CliEnv) {
  program
    .command('login')
    .description('sign in and keep the session for the next commands')
    .requiredOption('--email <email>', 'your account’s email')
    .requiredOption('--password <password>', 'your password')
    .action((options: LoginOptions, command: Command) =>
      runCommand(command, env, async (scope) => {
        const { user, sessionToken, expiresAt } = await scope.anonymous().auth.signIn.mutate(options);
        const file = await writeSession(scope.configDir, {
          url: scope.url,
          email: user.email,
          sessionToken,
          expiresAt: expiresAt.toISOString(),
        });
        scope.print(`Signed in to ${scope.url} as ${user.email} until ${formatDateTime(expiresAt)}.`);
        scope.print(`Session stored in ${file}.`);
      }),
    );
}
