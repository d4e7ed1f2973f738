import { nextRunAfter } from '@app/importer';
import type { TRPCRouterRecord } from '@trpc/server';
import { requireConnection } from '../connections/require-connection';
import { requireConnectionAccounts, requireSchedule, toScheduleView } from '../schedules/schedule-store';
import {
  ScheduleCreateInputSchema,
  ScheduleIdInputSchema,
  ScheduleUpdateInputSchema,
} from '../schemas/schedule-schemas';
import { scheduleSelect } from '../selects';
import { authedProcedure } from '../trpc';

export const schedulesRouter = {
  list: authedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.services.db.importSchedule.findMany({
      where: { userId: ctx.user.id },
      select: scheduleSelect,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toScheduleView);
  }),

  create: authedProcedure.input(ScheduleCreateInputSchema).mutation(async ({ ctx, input }) => {
    const { db, now } = ctx.services;
    await requireConnection(db, ctx.user.id, input.connectionId);
    const accountIds = await requireConnectionAccounts(db, input.connectionId, input.accountIds);
    const row = await db.importSchedule.create({
      data: { ...input, accountIds, userId: ctx.user.id, nextRunAt: nextRunAfter(input.cadence, now()) },
      select: scheduleSelect,
    });
    return toScheduleView(row);
  }),

  update: authedProcedure.input(ScheduleUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const { db, now } = ctx.services;
    const { scheduleId, accountIds, ...fields } = input;
    const schedule = await requireSchedule(db, ctx.user.id, scheduleId);
    const checkedIds =
      accountIds === undefined
        ? undefined
        : await requireConnectionAccounts(db, schedule.connectionId, accountIds);
    const cadenceChanged = fields.cadence !== undefined && fields.cadence !== schedule.cadence;
    const reenabled = fields.enabled === true && !schedule.enabled;
    const row = await db.importSchedule.update({
      where: { id: scheduleId },
      data: {
        ...fields,
        ...(checkedIds === undefined ? {} : { accountIds: checkedIds }),
        // a new cadence, or a schedule switched back on, counts from now rather than from a stale date
        ...(cadenceChanged || reenabled
          ? { nextRunAt: nextRunAfter(fields.cadence ?? schedule.cadence, now()) }
          : {}),
        ...(reenabled ? { pausedReason: null } : {}),
      },
      select: scheduleSelect,
    });
    return toScheduleView(row);
  }),

  remove: authedProcedure.input(ScheduleIdInputSchema).mutation(async ({ ctx, input }) => {
    await requireSchedule(ctx.services.db, ctx.user.id, input.scheduleId);
    await ctx.services.db.importSchedule.delete({ where: { id: input.scheduleId } });
    return { scheduleId: input.scheduleId, removed: true };
  }),
} satisfies TRPCRouterRecord;
