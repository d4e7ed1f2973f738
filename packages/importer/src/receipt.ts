import type { DedupRule } from './dedup-key';
import type { IngestCounts } from './ingest-batch';

/** Why an account brought nothing new, so a zero is never silent. */
export type ZeroReason =
  | 'bank_returned_nothing'
  | 'nothing_new_after_dedup'
  | 'deferred_by_call_budget'
  | 'consent_expired'
  /** The dates asked for are older than the bank serves on this consent (see the job's locked range). */
  | 'history_locked';

/**
 * What one account's import did, stored with its progress row and shown on the job page. Every fetched item is
 * counted exactly once: fetched = new + updated + pendingReconciled + the duplicates of every rule.
 */
export type AccountReceipt = {
  fetched: number;
  new: number;
  /** Pending items still pending whose details (amount, description...) the bank changed: updated in place. */
  updated: number;
  pendingReconciled: number;
  pendingRemoved: number;
  pendingAwaitingBooking: number;
  duplicatesByRule: Record<DedupRule, number>;
  /** Booked items that look like a pending one that disappeared: left for a person to keep apart or merge. */
  matchesToReview: number;
  callsUsed: number;
  callsRetried: number;
  /** 429s the bank answered for this account. */
  callsRateLimited: number;
  /** Enrichment of this account's new transactions, its share of the job's enrichment by transactions enriched. */
  enrichment: { transactions: number; tokensIn: number; tokensOut: number; costMicros: number };
  zeroReason: ZeroReason | null;
};

export function emptyReceipt(): AccountReceipt {
  return {
    fetched: 0,
    new: 0,
    updated: 0,
    pendingReconciled: 0,
    pendingRemoved: 0,
    pendingAwaitingBooking: 0,
    duplicatesByRule: { normalised: 0, provider: 0, fingerprint: 0 },
    matchesToReview: 0,
    callsUsed: 0,
    callsRetried: 0,
    callsRateLimited: 0,
    enrichment: { transactions: 0, tokensIn: 0, tokensOut: 0, costMicros: 0 },
    zeroReason: null,
  };
}

/** A stored receipt (older rows lack newer fields) completed with zeros. */
export function readReceipt(json: unknown): AccountReceipt {
  const empty = emptyReceipt();
  if (!json || typeof json !== 'object') return empty;
  const stored = json as Partial<AccountReceipt>;
  return {
    ...empty,
    ...stored,
    duplicatesByRule: { ...empty.duplicatesByRule, ...stored.duplicatesByRule },
    enrichment: { ...empty.enrichment, ...stored.enrichment },
  };
}

export function addToReceipt(receipt: AccountReceipt, counts: IngestCounts): AccountReceipt {
  return {
    ...receipt,
    fetched: receipt.fetched + counts.fetched,
    new: receipt.new + counts.synced,
    updated: receipt.updated + counts.updated,
    pendingReconciled: receipt.pendingReconciled + counts.pendingReconciled,
    duplicatesByRule: {
      normalised: receipt.duplicatesByRule.normalised + counts.duplicates.normalised,
      provider: receipt.duplicatesByRule.provider + counts.duplicates.provider,
      fingerprint: receipt.duplicatesByRule.fingerprint + counts.duplicates.fingerprint,
    },
  };
}

/** What the counted items add up to; equals `fetched` for every receipt (tests hold the importer to it). */
export function receiptTotal(receipt: AccountReceipt): number {
  const dup = receipt.duplicatesByRule;
  return (
    receipt.new +
    receipt.updated +
    receipt.pendingReconciled +
    dup.normalised +
    dup.provider +
    dup.fingerprint
  );
}

export function explainZero(receipt: AccountReceipt): ZeroReason | null {
  if (receipt.new > 0 || receipt.updated > 0 || receipt.pendingReconciled > 0) return null;
  return receipt.fetched === 0 ? 'bank_returned_nothing' : 'nothing_new_after_dedup';
}
