import { recordAudit } from '../account/audit';
import { JobStateError } from '@app/importer';
import type { TRPCRouterRecord } from '@trpc/server';
import { toConnectionView } from '../connections/connection-view';
import { requireConnection } from '../connections/require-connection';
import type { Context } from '../context';
import {
  CompleteOAuthInputSchema,
  ConnectionIdInputSchema,
  RenameConnectionInputSchema,
  StartOAuthInputSchema,
} from '../schemas/connection-schemas';
import { connectionSelect } from '../selects';
import { authedProcedure } from '../trpc';

async function connectionView(ctx: Context, connectionId: string) {
  const row = await ctx.services.db.bankConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: connectionSelect,
  });
  return withHistoryReach(ctx, toConnectionView(row, ctx.services.now()));
}

/** What the consent reaches now, so the date picker can say it before the person plans (the 90-day rule). */
function withHistoryReach<T extends { consentGrantedAt: Date }>(ctx: Context, view: T) {
  return { ...view, historyReach: ctx.services.importer.historyReach(view.consentGrantedAt) };
}

export const connectionsRouter = {
  /** The user's banks with their accounts and cards, consent expiry and status. */
  list: authedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.services.db.bankConnection.findMany({
      where: { userId: ctx.user.id },
      select: connectionSelect,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => withHistoryReach(ctx, toConnectionView(row, ctx.services.now())));
  }),

  startOAuth: authedProcedure
    .input(StartOAuthInputSchema)
    .mutation(({ ctx, input }) => ctx.services.importer.authLink({ ...input, userId: ctx.user.id })),

  completeOAuth: authedProcedure.input(CompleteOAuthInputSchema).mutation(async ({ ctx, input }) => {
    const connectionId = await ctx.services.importer.connect({
      ...input,
      userId: ctx.user.id,
      psuIp: ctx.psuIp,
    });
    const view = await connectionView(ctx, connectionId);
    await recordAudit(ctx.services.db, {
      userId: ctx.user.id,
      action: 'bank.connected',
      detail: view.providerName,
      address: ctx.psuIp,
    });
    return view;
  }),

  /** Forgets the bank: its tokens, accounts, transactions and jobs (cascade). Refused while an import uses it. */
  remove: authedProcedure.input(ConnectionIdInputSchema).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    await requireConnection(db, ctx.user.id, input.connectionId);
    const busy = await db.importJob.count({
      where: { connectionId: input.connectionId, status: { in: ['queued', 'running'] } },
    });
    if (busy > 0)
      throw new JobStateError(
        'An import is using this connection: cancel or pause it before removing the bank.',
      );
    const removed = await db.bankConnection.delete({
      where: { id: input.connectionId },
      select: { providerName: true },
    });
    await recordAudit(db, {
      userId: ctx.user.id,
      action: 'bank.removed',
      detail: removed.providerName,
      address: ctx.psuIp,
    });
    return { connectionId: input.connectionId, removed: true };
  }),

  /** Gives the connection the person's own name, shown wherever the connection is named (issue #17). */
  rename: authedProcedure.input(RenameConnectionInputSchema).mutation(async ({ ctx, input }) => {
    const { db } = ctx.services;
    await requireConnection(db, ctx.user.id, input.connectionId);
    await db.bankConnection.update({ where: { id: input.connectionId }, data: { label: input.label } });
    return connectionView(ctx, input.connectionId);
  }),

  /** Asks the bank for the connection's accounts and cards again (new ones added, names updated). */
  refreshAccounts: authedProcedure.input(ConnectionIdInputSchema).mutation(async ({ ctx, input }) => {
    const { db, importer } = ctx.services;
    await requireConnection(db, ctx.user.id, input.connectionId);
    await importer.refreshAccounts(input.connectionId, { psuIp: ctx.psuIp ?? undefined });
    return connectionView(ctx, input.connectionId);
  }),

  /** UK: the person re-confirmed in our UI; the consent is extended in place and paused schedules resume. */
  extendConsent: authedProcedure.input(ConnectionIdInputSchema).mutation(async ({ ctx, input }) => {
    const { user } = ctx;
    await ctx.services.importer.extendConsent({
      userId: user.id,
      connectionId: input.connectionId,
      user: { id: user.id, name: user.name ?? user.email, email: user.email },
    });
    return connectionView(ctx, input.connectionId);
  }),
} satisfies TRPCRouterRecord;
