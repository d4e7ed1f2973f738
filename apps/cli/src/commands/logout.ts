import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import { createClient } from '../create-client';
import type { CliEnv } from '../env';
import { readSession, removeSession } from '../session-store';

export function registerLogout(program: Command, env: CliEnv) {
  program
    .command('logout')
    .description('end the stored session, on the server and on this machine')
    .action((_options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const session = await readSession(scope.configDir);
        if (!session) {
          scope.print('Not signed in.');
          return;
        }
        // the session belongs to the server that issued it, whatever --url says
        const api = createClient(session.url, session.sessionToken);
        try {
          await api.auth.signOut.mutate();
        } finally {
          await api.close();
        }
        await removeSession(scope.configDir);
        scope.print(`Signed out of ${session.url}.`);
      }),
    );
}
