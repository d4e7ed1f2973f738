import { toBankTransaction } from './map-transaction';
import { parseResults } from './parse-results';
import { ApiTransactionSchema } from './response-schemas';
import type { BankTransaction } from './types';

/**
 * Reads transactions kept from an earlier response (the importer's raw archive) exactly as the live client reads
 * them, so a replay sees what the original import saw.
 */
export function parseArchivedTransactions(
  items: unknown[],
  status: BankTransaction['status'],
): BankTransaction[] {
  return parseResults('archived transactions', { results: items }, ApiTransactionSchema).map((parsed) =>
    toBankTransaction(parsed, status),
  );
}
