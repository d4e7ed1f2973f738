import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { authRouter } from './router/auth';
import { connectionsRouter } from './router/connections';
import { costsRouter } from './router/costs';
import { enrichmentSettingsRouter } from './router/enrichment-settings';
import { importControlProcedures } from './router/import-controls';
import { importStatusProcedures } from './router/import-status';
import { importProcedures } from './router/imports';
import { matchesRouter } from './router/matches';
import { schedulesRouter } from './router/schedules';
import { transactionsRouter } from './router/transactions';
import { createCallerFactory, createTRPCRouter } from './trpc';

/** The import procedures sit at the top level (importPlan, importStart, importStatus, importHistory, ...). */
export const appRouter = createTRPCRouter({
  ...importProcedures,
  ...importStatusProcedures,
  ...importControlProcedures,
  auth: authRouter,
  connections: connectionsRouter,
  transactions: transactionsRouter,
  schedules: schedulesRouter,
  costs: costsRouter,
  enrichmentSettings: enrichmentSettingsRouter,
  matches: matchesRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** In-process calls with the same validation, auth and error mapping (Remix loaders, the REST adapter, tests). */
export const createCaller = createCallerFactory(appRouter);
