import { calendarDateOf } from './bank-time';
import { toMinorUnits } from './money';
import type { ApiBalance } from './response-schemas';
import type { Balance } from './types';

/** Amounts keep the bank's sign: for cards `current` is usually the positive amount owed. */
export function toBalance(balance: ApiBalance): Balance {
  const toMinor = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? null : toMinorUnits(amount, balance.currency);
  const dateOf = (timestamp: string | null | undefined) => (timestamp ? calendarDateOf(timestamp) : null);
  return {
    currency: balance.currency,
    availableMinor: toMinor(balance.available),
    currentMinor: toMinorUnits(balance.current, balance.currency),
    overdraftMinor: toMinor(balance.overdraft),
    creditLimitMinor: toMinor(balance.credit_limit),
    lastStatementBalanceMinor: toMinor(balance.last_statement_balance),
    lastStatementDate: dateOf(balance.last_statement_date),
    paymentDueMinor: toMinor(balance.payment_due),
    paymentDueDate: dateOf(balance.payment_due_date),
    updatedAt: balance.update_timestamp ?? null,
  };
}
