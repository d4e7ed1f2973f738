import type { Db, TokenCipher } from '@app/db';
import { TrueLayerError, type BankAccount, type TrueLayerDataClient } from '@app/truelayer';
import { recordCapabilities, type Capabilities } from './capabilities';
import type { BankClient } from './bank-client';
import { createConnectionTokens } from './connection-tokens';

/**
 * Lists a connection's accounts and cards; a bank that does not offer one of the two lists (a charge-card
 * provider has no /accounts: 501 or 404) still connects with the other. Only a bank offering neither fails.
 */
export async function listAccountsAndCards(data: TrueLayerDataClient): Promise<{
  accounts: BankAccount[] | null;
  cards: BankAccount[] | null;
  capabilities: Partial<Capabilities>;
}> {
  const [accounts, cards] = await Promise.all([data.accountsIfOffered(), data.cardsIfOffered()]);
  if (accounts === null && cards === null) {
    throw new TrueLayerError(
      'NOT_SUPPORTED',
      'This bank offers neither accounts nor cards through TrueLayer, so there is nothing to import from it.',
    );
  }
  return {
    accounts,
    cards,
    capabilities: { accounts: accounts === null ? 'no' : 'yes', cards: cards === null ? 'no' : 'yes' },
  };
}

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
  const listed = await listAccountsAndCards(data);
  await recordCapabilities(deps.db, connectionId, listed.capabilities);
  return storeAccounts(deps.db, connectionId, [...(listed.accounts ?? []), ...(listed.cards ?? [])]);
}
