import type { ApiClient } from '@app/api/client';
import type { Command } from 'commander';
import { createClient } from './create-client';
import { describeError } from './describe-error';
import type { CliEnv } from './env';
import { requireSession } from './session-store';

export type GlobalOptions = { url: string; debug?: boolean };

/** What a command's body gets: the server it talks to, clients for it and the output. */
export type CommandScope = {
  url: string;
  configDir: string;
  /** A client without a session (signing in). */
  anonymous(): ApiClient;
  /** A client with the stored session; refuses when there is none for this server. */
  signedIn(): Promise<ApiClient>;
  print(line?: string): void;
  stdout: NodeJS.WriteStream;
};

/**
 * Runs a command's body and turns its outcome into the exit code: the body's own (0 when it returns nothing),
 * or 1 with the error's message on stderr. Clients are closed either way so the process can end by itself.
 */
export async function runCommand(
  command: Command,
  env: CliEnv,
  body: (scope: CommandScope) => Promise<number | void>,
): Promise<void> {
  const { url: rawUrl, debug } = command.optsWithGlobals<GlobalOptions>();
  const url = rawUrl.replace(/\/+$/, '');
  const clients: ApiClient[] = [];
  const open = (token?: string) => {
    const client = createClient(url, token);
    clients.push(client);
    return client;
  };
  const scope: CommandScope = {
    url,
    configDir: env.configDir,
    anonymous: () => open(),
    signedIn: async () => open((await requireSession(env.configDir, url, new Date())).sessionToken),
    print: (line = '') => void process.stdout.write(`${line}\n`),
    stdout: process.stdout,
  };
  try {
    process.exitCode = (await body(scope)) ?? 0;
  } catch (error) {
    process.stderr.write(`${describeError(error, url)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}
