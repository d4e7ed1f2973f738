import type { ApiAccount, ApiCard } from './response-schemas';
import type { BankAccount } from './types';

/** The last four characters of an account or card number, ignoring spaces; null when there is none. */
export function maskNumber(value: string | null | undefined): string | null {
  const compact = value?.replace(/[^0-9A-Za-z]/g, '') ?? '';
  return compact ? compact.slice(-4) : null;
}

const TYPE_NAMES: Record<string, string> = {
  TRANSACTION: 'Current account',
  SAVINGS: 'Savings account',
  BUSINESS_TRANSACTION: 'Business current account',
  BUSINESS_SAVINGS: 'Business savings account',
  CREDIT: 'Credit card',
  CHARGE: 'Charge card',
  DEBIT: 'Debit card',
  PREPAID: 'Prepaid card',
};

/**
 * A name for an account or card the bank sent without `display_name` (optional in TrueLayer's typings): its type
 * and masked number, e.g. "Charge card ••0055".
 */
export function nameFromType(type: string, kind: BankAccount['kind'], masked: string | null): string {
  const known = TYPE_NAMES[type.toUpperCase()];
  const words = type.toLowerCase().replace(/_/g, ' ').trim();
  const base =
    known ??
    (words
      ? `${words.charAt(0).toUpperCase()}${words.slice(1)}${kind === 'card' ? ' card' : ' account'}`
      : kind === 'card'
        ? 'Card'
        : 'Account');
  return masked ? `${base} ••${masked}` : base;
}

function nameOf(displayName: string | null | undefined): string | null {
  const trimmed = displayName?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function toBankAccount(account: ApiAccount): BankAccount {
  const masked = maskNumber(account.account_number?.iban ?? account.account_number?.number);
  return {
    kind: 'account',
    accountId: account.account_id,
    accountType: account.account_type,
    displayName: nameOf(account.display_name) ?? nameFromType(account.account_type, 'account', masked),
    currency: account.currency,
    maskedNumber: masked,
    providerId: account.provider?.provider_id ?? null,
    providerName: account.provider?.display_name ?? account.provider?.provider_id ?? null,
  };
}

export function toBankCard(card: ApiCard): BankAccount {
  const masked = maskNumber(card.partial_card_number);
  return {
    kind: 'card',
    accountId: card.account_id,
    accountType: card.card_type,
    displayName: nameOf(card.display_name) ?? nameFromType(card.card_type, 'card', masked),
    currency: card.currency,
    maskedNumber: masked,
    providerId: card.provider?.provider_id ?? null,
    providerName: card.provider?.display_name ?? card.provider?.provider_id ?? null,
  };
}
