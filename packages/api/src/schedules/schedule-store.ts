import type { Db, Prisma } from '@app/db';
import { z } from 'zod';
import { InvalidScheduleError, ScheduleNotFoundError } from '../errors';
import type { scheduleSelect } from '../selects';

type ScheduleRow = Prisma.ImportScheduleGetPayload<{ select: typeof scheduleSelect }>;

const StoredAccountIdsSchema = z.array(z.string()).catch([]);

export function toScheduleView(row: ScheduleRow) {
  return { ...row, accountIds: StoredAccountIdsSchema.parse(row.accountIds) };
}

export async function requireSchedule(db: Db, userId: string, scheduleId: string) {
  const schedule = await db.importSchedule.findFirst({
    where: { id: scheduleId, userId },
    select: { id: true, connectionId: true, cadence: true, enabled: true },
  });
  if (!schedule) throw new ScheduleNotFoundError(scheduleId);
  return schedule;
}

/** Every named account must be one of the connection's (an empty list means all of them). */
export async function requireConnectionAccounts(db: Db, connectionId: string, accountIds: string[]) {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return unique;
  const found = await db.bankAccount.count({ where: { connectionId, id: { in: unique } } });
  if (found !== unique.length)
    throw new InvalidScheduleError('Some selected accounts do not belong to this connection.');
  return unique;
}
