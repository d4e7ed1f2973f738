import type { DbTx } from '@app/db';
import type { DedupRule } from '../dedup-key';
import type { TransactionSnapshot } from '../transaction-snapshot';
import { absorbedJson } from './absorbed';

/** How sure a merge by a shared bank id is: the normalised id is stable by contract, the provider's nearly so. */
const confidenceByRule: Record<DedupRule, number> = { normalised: 99, provider: 95, fingerprint: 80 };

/** Records that a pending record booked and was updated in place, with the pending record as it was. */
export async function recordMerge(
  tx: DbTx,
  input: {
    jobId: string;
    accountId: string;
    rule: DedupRule;
    transactionId: string;
    snapshot: TransactionSnapshot;
  },
): Promise<void> {
  await tx.matchDecision.create({
    data: {
      jobId: input.jobId,
      accountId: input.accountId,
      kind: 'pending_to_booked',
      rule: input.rule,
      confidence: confidenceByRule[input.rule],
      transactionId: input.transactionId,
      absorbed: absorbedJson({ snapshot: input.snapshot }),
      state: 'merged',
    },
  });
}
