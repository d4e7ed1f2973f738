import { createPrng } from '../prng';
import type { BankAccountSpec } from './account-specs';
import { createScheduledDraft } from './draw-draft';
import type { ItemDraft } from './generated-item';
import type { ItemTemplate } from './item-template';
import { CURRENT_ACCOUNT_ACTIVITY, expectedOutflowPence } from './merchant-catalogue';
import { paydayOf, savingsDayOf } from './payday';
import { savingsTransferPence } from './savings-transfer';

/** Every 19 days (per account offset) a current account gets two identical cash withdrawals. */
export const ATM_PAIR_EVERY_DAYS = 19;

const ATM_PAIRS_PER_MONTH = (2 * 30.44) / ATM_PAIR_EVERY_DAYS;

/** Items per month the schedule below adds, so random spending can make up the rest of the volume. */
export function scheduledPerMonthOf(spec: BankAccountSpec): number {
  return (spec.position === 1 ? 11 : 1) + ATM_PAIRS_PER_MONTH;
}

type Bill = {
  key: string;
  day: number;
  months?: readonly number[];
  template: ItemTemplate;
  amount: (year: number, month: number) => number;
};

const directDebit = (description: string, merchantName: string, classification: string[]): ItemTemplate => ({
  description,
  merchantName,
  category: 'DIRECT_DEBIT',
  classification,
  providerCategory: 'DD',
  direction: 'DEBIT',
});

const cardPayment = (description: string, merchantName: string): ItemTemplate => ({
  description,
  merchantName,
  category: 'PURCHASE',
  classification: ['Entertainment', 'Subscriptions'],
  providerCategory: 'POS',
  direction: 'DEBIT',
});

// Heating makes winter gas bills about twice the summer ones.
function drawGasBill(seed: number, spec: BankAccountSpec, year: number, month: number): number {
  const prng = createPrng(seed, spec.accountId, 'gas', year, month);
  return month >= 11 || month <= 3 ? prng.int(9_000, 16_000) : prng.int(4_000, 8_000);
}

function createBills(seed: number, spec: BankAccountSpec): Bill[] {
  const yearly = (key: string, min: number, max: number) => (year: number) =>
    createPrng(seed, spec.accountId, key, year).int(min, max);
  return [
    {
      key: 'rent',
      day: 1,
      template: {
        description: `RENT ${spec.user.toUpperCase()} FLAT 3`,
        merchantName: null,
        category: 'STANDING_ORDER',
        classification: ['Home', 'Rent'],
        providerCategory: 'SO',
        direction: 'DEBIT',
      },
      amount: (year) => 500 * yearly('rent', 220, 380)(year),
    },
    {
      key: 'gym',
      day: 2,
      template: directDebit('PUREGYM LTD', 'PureGym', ['Health & Fitness', 'Gym']),
      amount: (year) => 100 * yearly('gym', 19, 29)(year) + 99,
    },
    // Council tax is paid in ten instalments, April to January.
    {
      key: 'council-tax',
      day: 3,
      months: [1, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      template: directDebit('LB CAMDEN COUNCIL TAX', 'Camden Council', ['Bills and Utilities', 'Taxes']),
      amount: yearly('council-tax', 12_000, 19_000),
    },
    {
      key: 'gas',
      day: 5,
      template: directDebit('BRITISH GAS', 'British Gas', ['Bills and Utilities', 'Utilities']),
      amount: (year, month) => drawGasBill(seed, spec, year, month),
    },
    {
      key: 'netflix',
      day: 8,
      template: cardPayment('NETFLIX.COM', 'Netflix'),
      amount: (year) => (createPrng(seed, spec.accountId, 'netflix', year).chance(0.5) ? 1099 : 1599),
    },
    {
      key: 'water',
      day: 12,
      template: directDebit('THAMES WATER', 'Thames Water', ['Bills and Utilities', 'Utilities']),
      amount: yearly('water', 2_800, 4_500),
    },
    { key: 'spotify', day: 14, template: cardPayment('SPOTIFY UK', 'Spotify'), amount: () => 1199 },
    {
      key: 'mobile',
      day: 18,
      template: directDebit('EE LIMITED', 'EE', ['Bills and Utilities', 'Mobile Phone']),
      amount: yearly('mobile', 1_500, 4_500),
    },
    {
      key: 'broadband',
      day: 22,
      template: directDebit('VIRGIN MEDIA', 'Virgin Media', ['Bills and Utilities', 'Internet']),
      amount: yearly('broadband', 3_000, 6_000),
    },
  ];
}

/** A salary that covers the account's expected outgoings with a little to spare, so balances drift up slowly. */
function salaryPence(
  seed: number,
  spec: BankAccountSpec,
  randomPerDay: number,
  year: number,
  rent: number,
): number {
  const bills = spec.position === 1 ? 33_000 + 2_700 : 0;
  const savings = spec.savingsPartner ? 22_500 : 0;
  const spending = randomPerDay * 30.44 * expectedOutflowPence(CURRENT_ACCOUNT_ACTIVITY);
  const cash = ATM_PAIRS_PER_MONTH * 4_000;
  const margin = 1.04 + createPrng(seed, spec.accountId, 'salary', year).next() * 0.06;
  return Math.max(180_000, Math.round((rent + bills + savings + spending + cash) * margin));
}

/**
 * Every current account gets a salary, so its balance stays plausible; the user's first one also pays the rent,
 * the direct debits and subscriptions, and makes the savings transfer.
 */
export function draftCurrentAccountSchedule(
  seed: number,
  spec: BankAccountSpec,
  randomPerDay: number,
  date: string,
): ItemDraft[] {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthKey = date.slice(0, 7);
  const bills = spec.position === 1 ? createBills(seed, spec) : [];
  const drafts = bills
    .filter((bill) => bill.day === day && (bill.months ?? [month]).includes(month))
    .map((bill) =>
      createScheduledDraft(`s:${bill.key}`, bill.template, bill.amount(year, month), bill.key.toUpperCase()),
    );

  if (date === paydayOf(monthKey)) {
    const rent = bills[0]?.amount(year, month) ?? 0;
    const salary: ItemTemplate = {
      description: 'ACME LTD SALARY',
      merchantName: null,
      category: 'CREDIT',
      classification: ['Income', 'Paycheck'],
      providerCategory: 'BGC',
      direction: 'CREDIT',
    };
    drafts.push(
      createScheduledDraft('s:salary', salary, salaryPence(seed, spec, randomPerDay, year, rent), 'SALARY'),
    );
  }
  if (spec.savingsPartner && date === savingsDayOf(monthKey)) {
    const transfer: ItemTemplate = {
      description: `TO SAVINGS ${spec.savingsPartner.accountNumber.slice(-4)}`,
      merchantName: null,
      category: 'TRANSFER',
      classification: ['Transfer'],
      providerCategory: 'TFR',
      direction: 'DEBIT',
    };
    drafts.push(
      createScheduledDraft('s:savings', transfer, savingsTransferPence(seed, spec.user, monthKey), 'SAVINGS'),
    );
  }
  return drafts;
}
