import { z } from 'zod';
import { runLoad } from './load';
import { runSoak } from './soak';

// `pnpm --filter @app/bench load [-- --quick]`: the load run (50 imports, 500 subscribers, 5 % bank faults).
// Exits non-zero when an import, an event or a transaction was lost.
// `pnpm --filter @app/bench load --soak [--duration=10m]`: the soak (mixed traffic, 10 minutes unless told).
// Exits non-zero on any error, or when RSS grew more than 10 % between the end of the warm-up and the end.
const started = Date.now();
const log = (message: string) =>
  console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

const DurationSchema = z
  .string()
  .regex(/^\d+(s|m)$/, 'a duration like 20s or 10m')
  .transform((text) => Number.parseInt(text, 10) * (text.endsWith('m') ? 60_000 : 1_000));

if (process.argv.includes('--soak')) {
  const flag = process.argv.find((arg) => arg.startsWith('--duration='));
  const parsed = DurationSchema.safeParse(flag?.slice('--duration='.length) ?? '10m');
  if (!parsed.success) {
    console.error(`load: --duration: ${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const result = await runSoak({ durationMs: parsed.data, log });
  console.log(JSON.stringify(result, null, 2));
  if (result.web === 'placeholder')
    log('soak: the web app is not built (pnpm --filter @app/web build): pages were the placeholder');
  process.exitCode = result.errors === 0 && result.rss.growth <= 0.1 ? 0 : 1;
} else {
  const result = await runLoad({ quick: process.argv.includes('--quick'), log });
  console.log(JSON.stringify(result, null, 2));
  const lost =
    result.imports -
    result.completed +
    result.lostEvents +
    result.repeatedEvents +
    result.failedSubscriptions +
    result.lostTransactions +
    result.unexpectedTransactions;
  process.exitCode = lost === 0 && result.drops > 0 ? 0 : 1;
}
