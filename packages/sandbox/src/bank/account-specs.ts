import { addMonths } from '../calendar';
import { createPrng, hashParts } from '../prng';
import { formatIban } from './format-iban';
import { describeProfile } from './user-profile';

export type AccountRole = 'current' | 'savings' | 'card';

type SpecBase = {
  user: string;
  accountId: string;
  /** 1-based position among the user's accounts of the same role. */
  position: number;
  displayName: string;
  /** Items per month this account aims at, scheduled ones included. */
  monthlyVolume: number;
};

export type BankAccountSpec = SpecBase & {
  kind: 'account';
  role: 'current' | 'savings';
  sortCode: string;
  accountNumber: string;
  iban: string;
  overdraftPence: number;
  /** The balance at the bank's anchor date, in pence. */
  openingPence: number;
  /** The account on the other side of the monthly savings transfer (first current and first savings only). */
  savingsPartner: { accountNumber: string } | null;
};

export type CardSpec = SpecBase & {
  kind: 'card';
  role: 'card';
  partialCardNumber: string;
  nameOnCard: string;
  validFrom: string;
  validTo: string;
  creditLimitPence: number;
};

export type AccountSpec = BankAccountSpec | CardSpec;

export type AccountSpecInput = {
  seed: number;
  user: string;
  counts: { current: number; savings: number; cards: number };
  transactionsPerMonth: number;
  /** Card validity dates are placed around it. */
  anchorDate: string;
};

/** Account ids are hashes of (seed, user, role, position), so they never change for a given bank and user. */
function deriveAccountId(seed: number, user: string, role: AccountRole, position: number): string {
  return hashParts('account', seed, user, role, position).slice(0, 32);
}

function buildBankAccount(
  input: AccountSpecInput,
  role: 'current' | 'savings',
  position: number,
): BankAccountSpec {
  const prng = createPrng(input.seed, input.user, role, position, 'spec');
  const sortCode = `04-00-${String(prng.int(10, 99))}`;
  const accountNumber = String(prng.int(10_000_000, 99_999_999));
  const isCurrent = role === 'current';
  return {
    kind: 'account',
    role,
    user: input.user,
    accountId: deriveAccountId(input.seed, input.user, role, position),
    position,
    displayName: `${isCurrent ? 'TRANSACTION' : 'SAVINGS'} ACCOUNT ${position}`,
    sortCode,
    accountNumber,
    iban: formatIban('MOCK', sortCode, accountNumber),
    overdraftPence: isCurrent ? prng.int(1, 10) * 25_000 : 0,
    openingPence: isCurrent ? prng.int(80_000, 350_000) : prng.int(200_000, 1_500_000),
    monthlyVolume: isCurrent ? input.transactionsPerMonth : Math.max(2, input.transactionsPerMonth / 20),
    savingsPartner: null,
  };
}

function buildCard(input: AccountSpecInput, position: number, nameOnCard: string): CardSpec {
  const prng = createPrng(input.seed, input.user, 'card', position, 'spec');
  const validFrom = addMonths(input.anchorDate, -prng.int(1, 30)).slice(0, 7);
  return {
    kind: 'card',
    role: 'card',
    user: input.user,
    accountId: deriveAccountId(input.seed, input.user, 'card', position),
    position,
    displayName: `CREDIT CARD ${position}`,
    partialCardNumber: String(prng.int(0, 9999)).padStart(4, '0'),
    nameOnCard,
    validFrom,
    validTo: addMonths(`${validFrom}-01`, 60).slice(0, 7),
    creditLimitPence: prng.int(4, 18) * 50_000,
    monthlyVolume: input.transactionsPerMonth * 0.4,
  };
}

/** A user's accounts and cards, in the order the API lists them. */
export function buildAccountSpecs(input: AccountSpecInput): AccountSpec[] {
  const profile = describeProfile(input.seed, input.user);
  const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
  const current = range(input.counts.current).map((position) => buildBankAccount(input, 'current', position));
  const savings = range(input.counts.savings).map((position) => buildBankAccount(input, 'savings', position));
  const firstCurrent = current[0];
  const firstSavings = savings[0];
  // The salary-day transfer links the first current account with the first savings account, both ways.
  if (firstCurrent && firstSavings) {
    firstCurrent.savingsPartner = { accountNumber: firstSavings.accountNumber };
    firstSavings.savingsPartner = { accountNumber: firstCurrent.accountNumber };
  }
  const nameOnCard = `${profile.firstName.charAt(0)} ${profile.lastName}`.toUpperCase();
  const cards = range(input.counts.cards).map((position) => buildCard(input, position, nameOnCard));
  return [...current, ...savings, ...cards];
}
