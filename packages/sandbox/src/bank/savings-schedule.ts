import { createPrng } from '../prng';
import type { BankAccountSpec } from './account-specs';
import { createScheduledDraft } from './draw-draft';
import type { ItemDraft } from './generated-item';
import { savingsDayOf } from './payday';
import { savingsTransferPence } from './savings-transfer';

/** Interest on the 1st and, for the first savings account, the salary-day transfer in from the current account. */
export function draftSavingsSchedule(seed: number, spec: BankAccountSpec, date: string): ItemDraft[] {
  const drafts: ItemDraft[] = [];
  const monthKey = date.slice(0, 7);
  if (date.endsWith('-01')) {
    const interest = createPrng(seed, spec.accountId, 'interest', monthKey).int(50, 2_500);
    drafts.push(
      createScheduledDraft(
        's:interest',
        {
          description: 'INTEREST PAID',
          merchantName: null,
          category: 'INTEREST',
          classification: ['Income', 'Interest Income'],
          providerCategory: 'INT',
          direction: 'CREDIT',
        },
        interest,
        null,
      ),
    );
  }
  if (spec.savingsPartner && date === savingsDayOf(monthKey)) {
    drafts.push(
      createScheduledDraft(
        's:savings',
        {
          description: `FROM CURRENT ACCOUNT ${spec.savingsPartner.accountNumber.slice(-4)}`,
          merchantName: null,
          category: 'TRANSFER',
          classification: ['Transfer'],
          providerCategory: 'TFR',
          direction: 'CREDIT',
        },
        savingsTransferPence(seed, spec.user, monthKey),
        'SAVINGS',
      ),
    );
  }
  return drafts;
}
