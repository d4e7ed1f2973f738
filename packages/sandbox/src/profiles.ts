import { MOCK_PROVIDER } from './bank/mock-provider';

/**
 * Provider profiles: the quirks of real banks behind TrueLayer, chosen per connection (on the consent page, or
 * `issueTokens(user, profile)`), so the importer's tests and the demo meet them without a real bank.
 *
 * To add a profile: add its quirk (optional, off by default) to `ProfileQuirks`, read it where the sandbox
 * answers, and list the profile in `PROVIDER_PROFILES`.
 */
export type ProfileQuirks = {
  /** `/accounts` and every account endpoint answer 501 endpoint_not_supported (charge-card providers). */
  noAccounts?: boolean;
  /** `/cards` and every card endpoint answer 501 endpoint_not_supported. */
  noCards?: boolean;
  /** `/transactions/pending` answers 501: the bank does not report pending items. */
  noPending?: boolean;
  /** Card transactions without `transaction_type`, as TrueLayer's own typing has them (the sign says it). */
  typelessCards?: boolean;
  /** Every timestamp without a zone offset (`2017-10-02T00:00:00`), fractions .NET-style (7 digits). */
  zonelessTimestamps?: boolean;
  /** A pending item's `normalised_provider_transaction_id` and `provider_transaction_id` change when it books. */
  idsChangeOnBooking?: boolean;
};

export type ProviderProfile = {
  name: string;
  /** Shown on the consent page. */
  label: string;
  provider: { provider_id: string; display_name: string; logo_uri: string };
  quirks: ProfileQuirks;
};

const provider = (id: string, name: string) => ({ ...MOCK_PROVIDER, provider_id: id, display_name: name });

export const PROVIDER_PROFILES = {
  standard: {
    name: 'standard',
    label: 'Standard bank (accounts and a credit card)',
    provider: MOCK_PROVIDER,
    quirks: {},
  },
  'charge-card': {
    name: 'charge-card',
    label: 'Charge-card provider: cards only, no /accounts',
    provider: provider('mock-charge-card', 'MOCK Charge Card'),
    quirks: { noAccounts: true, typelessCards: true, zonelessTimestamps: true },
  },
  'no-pending': {
    name: 'no-pending',
    label: 'Bank that does not report pending transactions',
    provider: provider('mock-no-pending', 'MOCK No Pending'),
    quirks: { noPending: true },
  },
  'typeless-cards': {
    name: 'typeless-cards',
    label: 'Card feed without transaction_type, zone-less timestamps',
    provider: provider('mock-typeless-cards', 'MOCK Typeless Cards'),
    quirks: { typelessCards: true, zonelessTimestamps: true },
  },
  'changing-ids': {
    name: 'changing-ids',
    label: 'Transaction ids that change when a pending payment books',
    provider: provider('mock-changing-ids', 'MOCK Changing Ids'),
    quirks: { idsChangeOnBooking: true },
  },
} satisfies Record<string, ProviderProfile>;

export type ProfileName = keyof typeof PROVIDER_PROFILES;

export const PROFILE_NAMES = Object.keys(PROVIDER_PROFILES) as ProfileName[];

export function isProfileName(name: string | null | undefined): name is ProfileName {
  return typeof name === 'string' && Object.hasOwn(PROVIDER_PROFILES, name);
}

/** The profile of a name (a connection stored before profiles existed has none: the standard bank). */
export function findProfile(name: string | null | undefined): ProviderProfile {
  return isProfileName(name) ? PROVIDER_PROFILES[name] : PROVIDER_PROFILES.standard;
}

/** The profile an auth link asks for: `provider_id` naming a profile's provider, as TrueLayer's link would. */
export function profileForProviderId(providerId: string | null | undefined): ProfileName | null {
  return PROFILE_NAMES.find((name) => PROVIDER_PROFILES[name].provider.provider_id === providerId) ?? null;
}
