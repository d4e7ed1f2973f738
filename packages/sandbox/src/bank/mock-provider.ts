/** The one provider the sandbox bank offers, as TrueLayer's mock bank presents itself. */
export const MOCK_PROVIDER = {
  display_name: 'MOCK',
  provider_id: 'mock',
  logo_uri: 'https://truelayer-provider-assets.s3.amazonaws.com/global/logos/mock.svg',
} as const;

/** `GET {auth}/api/providers`: a plain array, like TrueLayer's. */
export function listProviders(): unknown[] {
  return [
    {
      provider_id: MOCK_PROVIDER.provider_id,
      display_name: MOCK_PROVIDER.display_name,
      logo_url: MOCK_PROVIDER.logo_uri,
      country: 'uk',
      scopes: [
        'info',
        'accounts',
        'balance',
        'cards',
        'transactions',
        'direct_debits',
        'standing_orders',
        'offline_access',
      ],
      release_stage: 'general_availability',
    },
  ];
}
