const types: Record<string, string> = {
  TRANSACTION: 'Current account',
  SAVINGS: 'Savings',
  BUSINESS_TRANSACTION: 'Business current account',
  BUSINESS_SAVINGS: 'Business savings',
  CREDIT: 'Credit card',
  CHARGE: 'Charge card',
  PREPAID: 'Prepaid card',
};

/** TrueLayer's account and card types in words (unknown ones are shown tidied, not hidden). */
export function accountTypeLabel(account: { kind: string; accountType: string }): string {
  const known = types[account.accountType.toUpperCase()];
  if (known) return known;
  const tidy = account.accountType.toLowerCase().replace(/_/g, ' ');
  return tidy ? tidy.charAt(0).toUpperCase() + tidy.slice(1) : account.kind === 'card' ? 'Card' : 'Account';
}

/** The stored tail of an account or card number, shown as people recognise it: •••• 1234. */
export function maskedNumberLabel(masked: string | null): string | null {
  if (!masked) return null;
  return /^\d+$/.test(masked) ? `••••\u00a0${masked}` : masked;
}
