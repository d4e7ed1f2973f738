// The shape shared by catalogue entries, scheduled payments and generated items.

export type TransactionCategory =
  | 'ATM'
  | 'BILL_PAYMENT'
  | 'CASH'
  | 'CASHBACK'
  | 'CHEQUE'
  | 'CORRECTION'
  | 'CREDIT'
  | 'DEBIT'
  | 'DIRECT_DEBIT'
  | 'DIVIDEND'
  | 'FEE_CHARGE'
  | 'INTEREST'
  | 'OTHER'
  | 'PURCHASE'
  | 'STANDING_ORDER'
  | 'TRANSFER'
  | 'UNKNOWN';

export type Direction = 'DEBIT' | 'CREDIT';

export type ItemTemplate = {
  /** May hold placeholders: {store} 4 digits, {place} a London area, {ref} a reference, {name} a person. */
  description: string;
  merchantName: string | null;
  category: TransactionCategory;
  classification: readonly string[];
  /** `meta.provider_transaction_category`, the bank's own code. */
  providerCategory: string;
  direction: Direction;
};

/** A catalogue entry for day-to-day spending: picked by weight, amount uniform in [min, max] pence. */
export type RandomTemplate = ItemTemplate & {
  weight: number;
  minPence: number;
  maxPence: number;
  /** Amounts come in multiples of this (ATMs hand out notes). */
  stepPence?: number;
};
