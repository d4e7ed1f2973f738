import type { Db, TokenCipher } from '@app/db';
import type { BankClient } from './bank-client';
import { createConnectionTokens } from './connection-tokens';

/** Lists the connection's accounts and cards at the bank and stores them (new ones added, names updated). */
export async function refreshAccounts(
  deps: { db: Db; bank: BankClient; cipher: TokenCipher; now: () => Date },
  connectionId: string,
  options: { psuIp?: string } = {},
) {
  const tokens = createConnectionTokens({ ...deps, connectionId });
  const data = deps.bank.data({ tokens, psuIp: options.psuIp });
  const [accounts, cards] = await Promise.all([data.accounts(), data.cards()]);
  for (const item of [...accounts, ...cards]) {
    const fields = { kind: item.kind, accountType: item.accountType, displayName: item.displayName, currency: item.currency, maskedNumber: item.maskedNumber };
    await deps.db.bankAccount.upsert({
      where: { connectionId_providerAccountId: { connectionId, providerAccountId: item.accountId } },
      create: { connectionId, providerAccountId: item.accountId, ...fields },
      update: fields,
    });
  }
  return deps.db.bankAccount.findMany({ where: { connectionId }, orderBy: [{ kind: 'asc' }, { displayName: 'asc' }] });
}
