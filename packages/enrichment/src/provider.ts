import type { Category } from './categories';

/** What a provider sees of a transaction: text and classification, never account or user data. */
export type EnrichmentInput = {
  id: string;
  description: string;
  merchantName: string | null;
  /** Signed minor units: money out is negative. */
  amountMinor: number;
  currency: string;
  direction: 'DEBIT' | 'CREDIT';
  /** TrueLayer's `transaction_category` (PURCHASE, DIRECT_DEBIT, ATM, ...). */
  providerCategory: string;
  /** TrueLayer's `transaction_classification`, e.g. ['Shopping', 'Groceries']; often empty. */
  providerClassification: string[];
};

/** `merchantName` is null when the provider did not recognise a merchant (the stored one is then kept). */
export type EnrichmentResult = { id: string; category: Category; merchantName: string | null };

/**
 * Categorises transactions. An input without a result is a failure: the transaction stays unenriched and
 * the next run retries it.
 */
export interface EnrichmentProvider {
  /** Stored as `EnrichmentJob.provider`; `Transaction.enrichedBy` is `<name>:<model>` when there is a model. */
  name: string;
  model: string | null;
  enrich(
    items: EnrichmentInput[],
    signal?: AbortSignal,
  ): Promise<{ results: EnrichmentResult[]; tokensIn: number; tokensOut: number }>;
}
