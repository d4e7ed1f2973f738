import type { DataClientOptions, TokenSet, TrueLayerDataClient } from '@app/truelayer';

/** What the importer needs of the TrueLayer client (the app passes the real one, made from configuration). */
export type BankClient = {
  data(options: DataClientOptions): TrueLayerDataClient;
  refreshTokens(refreshToken: string): Promise<TokenSet>;
};
