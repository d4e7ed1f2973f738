import { providerOfDb, type Db, type Prisma } from '@app/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { AccountNotFoundError } from '../errors';
import { encodeCursor, type Cursor } from '../schemas/cursor';
import { TransactionListInputSchema } from '../schemas/transaction-schemas';
import { transactionSelect } from '../selects';
import { authedProcedure } from '../trpc';

function afterCursor(cursor: Cursor): Prisma.TransactionWhereInput {
  return { OR: [{ bookingDate: { lt: cursor.key } }, { bookingDate: cursor.key, id: { lt: cursor.id } }] };
}

/**
 * Description or merchant containing the words, ignoring case. SQLite's LIKE already ignores ASCII case;
 * PostgreSQL needs `mode: 'insensitive'`, which the SQLite client's types do not know, hence the widening.
 */
function matchingText(db: Db, search: string): Prisma.TransactionWhereInput {
  const contains = (
    providerOfDb(db) === 'postgresql' ? { contains: search, mode: 'insensitive' } : { contains: search }
  ) as Prisma.StringFilter;
  return { OR: [{ description: contains }, { merchantName: contains }] };
}

export const transactionsRouter = {
  /** The user's own transactions, newest booking date first, a page at a time. */
  list: authedProcedure.input(TransactionListInputSchema).query(async ({ ctx, input }) => {
    const { db } = ctx.services;
    const owned = { connection: { userId: ctx.user.id } } satisfies Prisma.BankAccountWhereInput;
    if (
      input.accountId &&
      !(await db.bankAccount.findFirst({ where: { id: input.accountId, ...owned }, select: { id: true } }))
    ) {
      throw new AccountNotFoundError(input.accountId);
    }
    const bookingDate = {
      ...(input.from ? { gte: input.from } : {}),
      ...(input.to ? { lte: input.to } : {}),
    };
    const rows = await db.transaction.findMany({
      where: {
        account: owned,
        ...(input.accountId ? { accountId: input.accountId } : {}),
        ...(input.from || input.to ? { bookingDate } : {}),
        ...(input.cursor ? afterCursor(input.cursor) : {}),
        ...(input.search ? { AND: [matchingText(db, input.search)] } : {}),
      },
      orderBy: [{ bookingDate: 'desc' }, { id: 'desc' }],
      take: input.limit + 1,
      select: transactionSelect,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor:
        rows.length > input.limit && last ? encodeCursor({ key: last.bookingDate, id: last.id }) : null,
    };
  }),
} satisfies TRPCRouterRecord;
