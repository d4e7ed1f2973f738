import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type CliRun = { code: number | null; stdout: string; stderr: string; lines: string[] };

const cliRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `spending …` as a person would, in a child process whose stdout is a pipe (not a TTY). `onOutput` sees
 * stdout as it grows, for tests that act while a command runs.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  onOutput: (stdout: string) => void = () => {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: cliRoot,
      // nothing inherited: the developer's own SPENDING_* settings and session never reach a test
      env: { NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onOutput(stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, lines: stdout.trimEnd().split('\n') }));
  });
}
