export type { AuthLinkOptions, ExtendConsentUser, ExtendedTokenSet } from './auth-client';
export { hostsFor, truelayerConfigSchema } from './config';
export type { TrueLayerConfig, TrueLayerConfigInput, TrueLayerEnvironment } from './config';
export { splitDateRange } from './date-range';
export { TrueLayerError } from './errors';
export type { TrueLayerErrorCode } from './errors';
export { createTrueLayerClient } from './truelayer-client';
export type { TrueLayerClient, TrueLayerClientDeps } from './truelayer-client';
export type * from './types';
