import type { DedupRule } from './dedup-key';
import type { IngestCounts } from './ingest-batch';

/** Why an account brought nothing new, so a zero is never silent. */
export type ZeroReason = 'bank_returned_nothing' | 'nothing_new_after_dedup';

/** What one account's import did, stored with its progress row and shown on the job page. */
export type AccountReceipt = {
  fetched: number;
  new: number;
  pendingReconciled: number;
  pendingRemoved: number;
  pendingAwaitingBooking: number;
  duplicatesByRule: Record<DedupRule, number>;
  callsUsed: number;
  callsRetried: number;
  zeroReason: ZeroReason | null;
};

export function emptyReceipt(): AccountReceipt {
  return {
    fetched: 0,
    new: 0,
    pendingReconciled: 0,
    pendingRemoved: 0,
    pendingAwaitingBooking: 0,
    duplicatesByRule: { normalised: 0, provider: 0, fingerprint: 0 },
    callsUsed: 0,
    callsRetried: 0,
    zeroReason: null,
  };
}

export function addToReceipt(receipt: AccountReceipt, counts: IngestCounts): AccountReceipt {
  return {
    ...receipt,
    fetched: receipt.fetched + counts.fetched,
    new: receipt.new + counts.synced,
    pendingReconciled: receipt.pendingReconciled + counts.pendingReconciled,
    duplicatesByRule: {
      normalised: receipt.duplicatesByRule.normalised + counts.duplicates.normalised,
      provider: receipt.duplicatesByRule.provider + counts.duplicates.provider,
      fingerprint: receipt.duplicatesByRule.fingerprint + counts.duplicates.fingerprint,
    },
  };
}

export function explainZero(receipt: AccountReceipt): ZeroReason | null {
  if (receipt.new > 0 || receipt.pendingReconciled > 0) return null;
  return receipt.fetched === 0 ? 'bank_returned_nothing' : 'nothing_new_after_dedup';
}
