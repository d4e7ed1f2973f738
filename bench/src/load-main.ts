import { runLoad } from './load';

// `pnpm --filter @app/bench load [-- --quick]`: the load run (50 imports, 500 subscribers, 5 % bank faults).
// Exits non-zero when an import, an event or a transaction was lost.
const quick = process.argv.includes('--quick');
const started = Date.now();
const result = await runLoad({
  quick,
  log: (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`),
});
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
