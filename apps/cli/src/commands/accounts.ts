import type { RouterOutputs } from '@app/api/client';
import type { Command } from 'commander';
import { runCommand } from '../command-scope';
import type { CliEnv } from '../env';
import { formatDateTime, plural } from '../format';
import { formatTable } from '../format-table';

type Connection = RouterOutputs['connections']['list'][number];

/** The banner under a connection when importing from it is about to stop working, or has. */
function consentWarning(connection: Connection): string | null {
  if (connection.status === 'revoked')
    return 'The bank revoked this consent: connect the bank again to import.';
  if (connection.status === 'needs_reconsent')
    return 'The consent has expired and its schedules are paused: reconnect the bank in the web app (the same connection is renewed).';
  if (connection.consentExpiringSoon)
    return `The consent expires in ${plural(connection.consentDaysLeft, 'day')}: run \`spending extend ${connection.id}\` to reconfirm it, or reconnect the bank in the web app.`;
  return null;
}

function printConnection(connection: Connection, print: (line?: string) => void) {
  print(`${connection.name}  (connection ${connection.id}, ${connection.status})`);
  print(
    `  Consent expires ${formatDateTime(connection.consentExpiresAt)} (${plural(connection.consentDaysLeft, 'day')} left)`,
  );
  const warning = consentWarning(connection);
  if (warning) print(`  ! ${warning}`);
  const rows = connection.accounts.map((a) => [
    a.id,
    a.kind,
    a.displayName,
    a.accountType,
    a.currency,
    a.maskedNumber ?? '',
    a.lastSyncedAt ? formatDateTime(a.lastSyncedAt) : 'never',
  ]);
  const header = ['Id', 'Kind', 'Name', 'Type', 'Currency', 'Number', 'Last synced'];
  for (const line of formatTable(header, rows)) print(`  ${line}`);
}

export function registerAccounts(program: Command, env: CliEnv) {
  program
    .command('accounts')
    .description('your bank connections with their accounts and cards')
    .action((_options: unknown, command: Command) =>
      runCommand(command, env, async (scope) => {
        const connections = await (await scope.signedIn()).connections.list.query();
        if (connections.length === 0) {
          scope.print('No bank connected yet: connect one in the web app first.');
          return;
        }
        connections.forEach((connection, index) => {
          if (index > 0) scope.print();
          printConnection(connection, scope.print);
        });
      }),
    );
}
