import type { Db, TokenCipher } from '@app/db';
import type { BankAccount } from '@app/truelayer';
import type { BankClient } from './bank-client';
import { createConnectionTokens } from './connection-tokens';

/** Stores the bank's accounts and cards of a connection (new ones added, names updated) and returns them all. */
export async function storeAccounts(db: Db, connectionId: string, items: BankAccount[]) {
  for (const item of items) {
    const fields = {
      kind: item.kind,
      accountType: item.accountType,
      displayName: item.displayName,
      currency: item.currency,
      maskedNumber: item.maskedNumber,
    };
    await db.bankAccount.upsert({
      where: { connectionId_providerAccountId: { connectionId, providerAccountId: item.accountId } },
      create: { connectionId, providerAccountId: item.accountId, ...fields },
      update: fields,
    });
  }
  return db.bankAccount.findMany({
    where: { connectionId },
    orderBy: [{ kind: 'asc' }, { displayName: 'asc' }],
  });
}

/** Lists the connection's accounts and cards at the bank and stores them. */
export async function refreshAccounts(
  deps: { db: Db; bank: BankClient; cipher: TokenCipher; now: () => Date },
  connectionId: string,
  options: { psuIp?: string } = {},
) {
  const tokens = createConnectionTokens({ ...deps, connectionId });
  const data = deps.bank.data({ tokens, psuIp: options.psuIp });
  const [accounts, cards] = await Promise.all([data.accounts(), data.cards()]);
  return storeAccounts(deps.db, connectionId, [...accounts, ...cards]);
}
