import type { Category } from '../categories';

export type MerchantRule = {
  /** Tested against the described payment text (see describe-payment.ts) and the bank's merchant name. */
  pattern: RegExp;
  /** The brand's everyday name; null for a rule naming many brands, whose name is then the words matched. */
  merchant: string | null;
  category: Category;
};

export const rule = (pattern: RegExp, merchant: string | null, category: Category): MerchantRule => ({
  pattern,
  merchant,
  category,
});
