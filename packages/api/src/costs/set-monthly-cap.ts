import { describeMonthlyBudget, setMonthlyCap } from '@app/enrichment';
import type { ApiServices } from '../services';

/**
 * Sets the user's monthly enrichment cap. Raising it resumes the enrichment that stopped at the cap: each import
 * whose enrichment was capped is enriched again (only what is still unenriched), and its receipts updated.
 */
export async function changeMonthlyCap(services: ApiServices, userId: string, capMicros: number | null) {
  const { db, importer, now } = services;
  const { importJobIds } = await setMonthlyCap(db, userId, capMicros);
  const resumed = await importer.enrichAgain(userId, importJobIds);
  return { month: await describeMonthlyBudget(db, userId, now()), resumedImports: resumed };
}
