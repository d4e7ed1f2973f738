import { addDays, todayIn } from '@app/domain';
import { planImport } from './plan-import';
import type { ImporterDeps } from './run-import-job';

/** The full-history import offered after a connect: every account, as far back as banks serve (maxHistoryDays). */
export function planFullHistory(
  deps: Pick<ImporterDeps, 'db' | 'config' | 'now' | 'enrichment'>,
  input: { userId: string; connectionId: string; psuIp?: string | null },
) {
  const today = todayIn(deps.config.timeZone, deps.now());
  return planImport(deps, {
    userId: input.userId,
    connectionId: input.connectionId,
    fromDate: addDays(today, -deps.config.maxHistoryDays),
    toDate: today,
    autoEnrich: false,
    batchSize: 50,
    psuIp: input.psuIp ?? null,
  });
}
