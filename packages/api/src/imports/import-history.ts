import type { Db, Prisma } from '@app/db';
import { InvalidCursorError } from '../errors';
import type { ImportHistoryInput } from '../schemas/import-schemas';
import { encodeCursor, type Cursor } from '../schemas/cursor';
import { jobSummarySelect } from '../selects';
import { toJobSummary } from './job-summary';

function afterCursor(cursor: Cursor): Prisma.ImportJobWhereInput {
  const createdAt = new Date(cursor.key);
  if (Number.isNaN(createdAt.getTime())) throw new InvalidCursorError();
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: cursor.id } }] };
}

/** The user's imports, newest first, a page at a time. */
export async function listImportHistory(db: Db, userId: string, input: ImportHistoryInput) {
  const rows = await db.importJob.findMany({
    where: {
      userId,
      ...(input.status ? { status: input.status } : {}),
      ...(input.cursor ? afterCursor(input.cursor) : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: jobSummarySelect,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toJobSummary),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ key: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}
