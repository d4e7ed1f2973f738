import { toMinorUnits } from './money';
import type { ApiBalance } from './response-schemas';
import type { Balance } from './types';

/** Amounts keep the bank's sign: for cards `current` is usually the positive amount owed. */
export function toBalance(balance: ApiBalance): Balance {
  const toMinor = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? null : toMinorUnits(amount, balance.currency);
  return {
    currency: balance.currency,
    availableMinor: toMinor(balance.available),
    currentMinor: toMinorUnits(balance.current, balance.currency),
    overdraftMinor: toMinor(balance.overdraft),
    creditLimitMinor: toMinor(balance.credit_limit),
    updatedAt: balance.update_timestamp,
  };
}
