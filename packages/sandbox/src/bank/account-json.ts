import { MOCK_PROVIDER } from './mock-provider';
import type { BankAccountSpec, CardSpec } from './account-specs';

export type ApiAccount = {
  update_timestamp: string;
  account_id: string;
  account_type: 'TRANSACTION' | 'SAVINGS';
  display_name: string;
  currency: string;
  account_number: { iban: string; number: string; sort_code: string; swift_bic: string };
  provider: ProviderJson;
};

type ProviderJson = { provider_id: string; display_name: string; logo_uri: string };

export type ApiCard = {
  account_id: string;
  card_network: 'VISA';
  card_type: 'CREDIT';
  currency: string;
  display_name: string;
  partial_card_number: string;
  name_on_card: string;
  valid_from: string;
  valid_to: string;
  update_timestamp: string;
  provider: ProviderJson;
};

export function toAccountJson(
  spec: BankAccountSpec,
  now: Date,
  provider: ProviderJson = MOCK_PROVIDER,
): ApiAccount {
  return {
    update_timestamp: now.toISOString(),
    account_id: spec.accountId,
    account_type: spec.role === 'current' ? 'TRANSACTION' : 'SAVINGS',
    display_name: spec.displayName,
    currency: 'GBP',
    account_number: {
      iban: spec.iban,
      number: spec.accountNumber,
      sort_code: spec.sortCode,
      swift_bic: 'MOCKGB21',
    },
    provider,
  };
}

export function toCardJson(spec: CardSpec, now: Date, provider: ProviderJson = MOCK_PROVIDER): ApiCard {
  return {
    account_id: spec.accountId,
    card_network: 'VISA',
    card_type: 'CREDIT',
    currency: 'GBP',
    display_name: spec.displayName,
    partial_card_number: spec.partialCardNumber,
    name_on_card: spec.nameOnCard,
    valid_from: spec.validFrom,
    valid_to: spec.validTo,
    update_timestamp: now.toISOString(),
    provider,
  };
}
