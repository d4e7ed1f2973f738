import { buildAccountSpecs, type AccountSpec } from './account-specs';
import { createTransactionBook, type TransactionBook } from './transaction-book';

export type SampleBankInput = {
  seed: number;
  counts: { current: number; savings: number; cards: number };
  transactionsPerMonth: number;
  pendingDays: number;
  /** Banks without cards list none (and answer 501 on /cards). */
  cardless: boolean;
  /** Where opening balances apply: the start of the history window when the bank was created. */
  anchorDate: string;
};

export interface SampleBank {
  specsOf(user: string): AccountSpec[];
  findSpec(user: string, accountId: string): AccountSpec | undefined;
  bookOf(spec: AccountSpec): TransactionBook;
}

/** Every user's accounts and their transaction books, built the first time they are asked for. */
export function createSampleBank(input: SampleBankInput): SampleBank {
  const specs = new Map<string, AccountSpec[]>();
  const books = new Map<string, TransactionBook>();

  const specsOf = (user: string): AccountSpec[] => {
    let list = specs.get(user);
    if (!list) {
      const counts = input.cardless ? { ...input.counts, cards: 0 } : input.counts;
      list = buildAccountSpecs({
        seed: input.seed,
        user,
        counts,
        transactionsPerMonth: input.transactionsPerMonth,
        anchorDate: input.anchorDate,
      });
      specs.set(user, list);
    }
    return list;
  };

  return {
    specsOf,
    findSpec: (user, accountId) => specsOf(user).find((spec) => spec.accountId === accountId),
    bookOf: (spec) => {
      let book = books.get(spec.accountId);
      if (!book) {
        book = createTransactionBook({
          seed: input.seed,
          spec,
          pendingDays: input.pendingDays,
          anchorDate: input.anchorDate,
        });
        books.set(spec.accountId, book);
      }
      return book;
    },
  };
}
