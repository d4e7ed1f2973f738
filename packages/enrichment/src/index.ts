export { categories, CategorySchema, type Category } from './categories';
export type { EnrichmentInput, EnrichmentProvider, EnrichmentResult } from './provider';
export type { Logger } from './logger';
export { createRulesProvider } from './rules-provider';
export { createLlmProvider } from './llm-provider';
export {
  llmProviderConfigSchema,
  llmPricesSchema,
  defaultLlmPrices,
  type LlmProviderConfig,
  type LlmPrices,
} from './llm-config';
export { costMicros, estimateEnrichment, type EnrichmentEstimate, type EstimateProviderInfo } from './cost';
export {
  createEnrichmentJob,
  CreateEnrichmentJobInputSchema,
  type CreateEnrichmentJobInput,
} from './create-enrichment-job';
export { runEnrichmentJob, type RunEnrichmentJobOptions } from './run-enrichment-job';
export { describeMonthlyBudget, setMonthlyCap, type MonthlyBudget } from './monthly-cap';
export {
  EnrichmentJobNotFoundError,
  EnrichmentJobRunningError,
  EnrichmentProviderMismatchError,
  ImportJobNotFoundError,
  InvalidEnrichmentJobInputError,
  LlmProviderError,
  TransactionsNotFoundError,
  type LlmFailureReason,
} from './errors';
export { categoriseByRules } from './rules-provider';
export { describePayment, type DescribedPayment, type PaymentKind } from './describe-payment';
export {
  EnrichmentSettingsInputSchema,
  defaultPricesFor,
  isLocalEndpoint,
  knownModelPrices,
  llmConfigFrom,
  providerKinds,
  type EnrichmentSettingsInput,
  type ProviderKind,
  type ResolvedProvider,
  type ServerEnrichmentDefault,
} from './provider-settings';
export {
  createEnrichmentSettings,
  EnrichmentSettingsInvalidError,
  type ConnectionTestResult,
  type EnrichmentSettingsService,
  type EnrichmentSettingsView,
} from './enrichment-settings';
export { enrichImport, estimateImportEnrichment, type EnrichImportDeps } from './enrich-import';
