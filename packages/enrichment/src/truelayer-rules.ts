import type { Category } from './categories';
import type { EnrichmentInput } from './provider';

/** TrueLayer's top-level `transaction_classification` (e.g. ['Food & Dining', 'Restaurants']) to ours. */
const classificationCategories: Record<string, Category> = {
  'Food & Dining': 'Eating out',
  Shopping: 'Shopping',
  'Auto & Transport': 'Transport',
  'Bills and Utilities': 'Bills & utilities',
  Entertainment: 'Entertainment',
  Gambling: 'Entertainment',
  'Health & Fitness': 'Health',
  'Personal Care': 'Health',
  Travel: 'Travel',
  Home: 'Housing',
  'Fees & Charges': 'Fees & charges',
  Taxes: 'Bills & utilities',
  'Pension and insurances': 'Bills & utilities',
  Investments: 'Transfers',
};

/**
 * What the bank itself says, used when no rule of ours matched. The classification is the finer signal;
 * `transaction_category` mostly tells money movements (ATM, TRANSFER, FEE_CHARGE) from spending.
 */
export function categoriseByTrueLayer(input: EnrichmentInput): Category | null {
  const [top, sub] = input.providerClassification;
  // Groceries sit under both Shopping and Food & Dining in TrueLayer's tree.
  if (sub === 'Groceries') return 'Groceries';
  const fromClassification = top === undefined ? undefined : classificationCategories[top];
  if (fromClassification) return fromClassification;

  const credit = input.direction === 'CREDIT';
  switch (input.providerCategory) {
    case 'ATM':
    case 'CASH':
      return 'Cash';
    case 'TRANSFER':
    case 'STANDING_ORDER':
      return 'Transfers';
    case 'INTEREST':
      return credit ? 'Income' : 'Fees & charges';
    case 'DIVIDEND':
    case 'CASHBACK':
      return credit ? 'Income' : null;
    case 'FEE_CHARGE':
      return 'Fees & charges';
    case 'DIRECT_DEBIT':
    case 'BILL_PAYMENT':
      // A direct debit nobody recognised is still almost always a bill.
      return 'Bills & utilities';
    default:
      return null;
  }
}
