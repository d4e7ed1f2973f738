import type { ApiAccount, ApiCard } from './response-schemas';
import type { BankAccount } from './types';

/** The last four characters of an account or card number, ignoring spaces; null when there is none. */
export function maskNumber(value: string | null | undefined): string | null {
  const compact = value?.replace(/[^0-9A-Za-z]/g, '') ?? '';
  return compact ? compact.slice(-4) : null;
}

export function toBankAccount(account: ApiAccount): BankAccount {
  return {
    kind: 'account',
    accountId: account.account_id,
    accountType: account.account_type,
    displayName: account.display_name,
    currency: account.currency,
    maskedNumber: maskNumber(account.account_number?.iban ?? account.account_number?.number),
    providerId: account.provider.provider_id,
    providerName: account.provider.display_name ?? account.provider.provider_id,
  };
}

export function toBankCard(card: ApiCard): BankAccount {
  return {
    kind: 'card',
    accountId: card.account_id,
    accountType: card.card_type,
    displayName: card.display_name,
    currency: card.currency,
    maskedNumber: maskNumber(card.partial_card_number),
    providerId: card.provider.provider_id,
    providerName: card.provider.display_name ?? card.provider.provider_id,
  };
}
