import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatResults } from './format-results';
import { describeMachine } from './machine';
import { runSuite } from './run-suite';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const only = argv
    .filter((arg) => arg.startsWith('--only='))
    .flatMap((arg) => arg.slice('--only='.length).split(','));
  const unknown = argv.filter((arg) => arg !== '--quick' && !arg.startsWith('--only=') && arg !== '--');
  if (unknown.length > 0) {
    console.error(`usage: pnpm bench [--quick] [--only=<name>[,<name>]]; unknown ${unknown.join(' ')}`);
    process.exit(2);
  }
  return { quick, only };
}

const { quick, only } = parseArgs(process.argv.slice(2));
const machine = describeMachine();
const started = Date.now();
const results = await runSuite({
  quick,
  only,
  log: (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`),
});
console.log(formatResults(results, machine, quick));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, 'latest.json'),
  `${JSON.stringify({ machine, quick, durationMs: Date.now() - started, results }, null, 2)}\n`,
);
const errors = results.reduce((sum, r) => sum + r.errors, 0);
console.error(
  `wrote bench/results/latest.json in ${((Date.now() - started) / 1000).toFixed(1)} s; errors: ${errors}`,
);
process.exitCode = errors === 0 ? 0 : 1;
