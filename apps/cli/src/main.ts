import { readEnv } from './env';
import { createProgram } from './program';

// `pnpm --filter @app/cli start -- login …` hands the `--` on to the script; commander would read everything
// after it as operands ("required option '--email' not specified"), so a leading one is dropped.
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

await createProgram(readEnv()).parseAsync(args, { from: 'user' });
