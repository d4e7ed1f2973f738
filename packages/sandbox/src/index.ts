export { createSandboxBank, type IssuedTokens, type SandboxBank } from './create-sandbox-bank';
export { SandboxUsageError } from './errors';
export type { FaultKnobs, FaultKnobsInput, SandboxOptions } from './options';
export type { SandboxStats } from './data/request-stats';
export type { ApiAccount, ApiCard } from './bank/account-json';
export type { ApiTransaction } from './bank/transaction-json';
export type { TokenResponse } from './auth/connection-store';
export {
  findProfile,
  isProfileName,
  PROFILE_NAMES,
  PROVIDER_PROFILES,
  type ProfileName,
  type ProfileQuirks,
  type ProviderProfile,
} from './profiles';
