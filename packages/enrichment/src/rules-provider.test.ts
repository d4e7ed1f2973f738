import { describe, expect, test } from 'vitest';
import type { EnrichmentInput } from './provider';
import { createRulesProvider } from './rules-provider';

type Row = [description: string, direction: 'DEBIT' | 'CREDIT', category: string, merchant: string | null];

function input(
  description: string,
  direction: 'DEBIT' | 'CREDIT',
  extra: Partial<EnrichmentInput> = {},
): EnrichmentInput {
  return {
    id: description,
    description,
    merchantName: null,
    amountMinor: direction === 'DEBIT' ? -1234 : 1234,
    currency: 'GBP',
    direction,
    providerCategory: 'PURCHASE',
    providerClassification: [],
    ...extra,
  };
}

describe('the rules provider', () => {
  const table: Row[] = [
    ['TESCO STORES 2231', 'DEBIT', 'Groceries', 'Tesco'],
    ['CARD PAYMENT TO SAINSBURYS S/MKT ON 12-01', 'DEBIT', 'Groceries', "Sainsbury's"],
    ["SAINSBURY'S S/MKT 0412", 'DEBIT', 'Groceries', "Sainsbury's"],
    ['TESCO MOBILE DD', 'DEBIT', 'Bills & utilities', 'Tesco Mobile'],
    ['PRET A MANGER LONDON GB', 'DEBIT', 'Eating out', 'Pret A Manger'],
    ['UBER *EATS HELP.UBER.COM', 'DEBIT', 'Eating out', 'Uber Eats'],
    ['UBER *TRIP HELP.UBER.COM', 'DEBIT', 'Transport', 'Uber'],
    ['DELIVEROO.CO.UK', 'DEBIT', 'Eating out', 'Deliveroo'],
    ['TFL TRAVEL CH', 'DEBIT', 'Transport', 'Transport for London'],
    ['SHELL KINGS CROSS 123', 'DEBIT', 'Transport', 'Shell'],
    ['AMZNMKTPLACE', 'DEBIT', 'Shopping', 'Amazon'],
    ['AMAZON PRIME*2K4L09', 'DEBIT', 'Subscriptions', 'Amazon Prime'],
    ['NETFLIX.COM', 'DEBIT', 'Subscriptions', 'Netflix'],
    ['SPOTIFY P1A2B3C4', 'DEBIT', 'Subscriptions', 'Spotify'],
    ['BOOTS 1182 OXFORD ST', 'DEBIT', 'Health', 'Boots'],
    ['EASYJET 000ABC123', 'DEBIT', 'Travel', 'easyJet'],
    ['OCTOPUS ENERGY DD', 'DEBIT', 'Bills & utilities', 'Octopus Energy'],
    ['THAMES WATER DD', 'DEBIT', 'Bills & utilities', 'Thames Water'],
    ['VIRGIN MEDIA', 'DEBIT', 'Bills & utilities', 'Virgin Media'],
    ['SKY BET', 'DEBIT', 'Entertainment', 'Sky Bet'],
    ['LAMBETH COUNCIL TAX', 'DEBIT', 'Bills & utilities', null],
    ['RENT FLAT 2 JUNE', 'DEBIT', 'Housing', null],
    ['CASH WITHDRAWAL LINK ATM 14:02', 'DEBIT', 'Cash', null],
    ['NON-STERLING TRANSACTION FEE', 'DEBIT', 'Fees & charges', null],
    ['OVERDRAFT INTEREST', 'DEBIT', 'Fees & charges', null],
    ['ACME LTD SALARY', 'CREDIT', 'Income', null],
    ['TESCO PLC SALARY MAY', 'CREDIT', 'Income', null],
    ['GROSS INTEREST', 'CREDIT', 'Income', null],
    ['TO SAVINGS POT', 'DEBIT', 'Transfers', null],
    ['THE CROWN PUB', 'DEBIT', 'Eating out', null],
    ['J SMITH', 'DEBIT', 'Other', null],
  ];

  test.each(table)('%s (%s) is %s at %s', async (description, direction, category, merchant) => {
    const { results } = await createRulesProvider().enrich([input(description, direction)]);
    expect(results).toEqual([{ id: description, category, merchantName: merchant }]);
  });

  // Statement shapes of UK banks: the prefix says how money moved, the rest who was paid.
  const shapes: [string, 'DEBIT' | 'CREDIT', string, string | null][] = [
    ['CPT LNK ASDA BOLTON', 'DEBIT', 'Cash', null],
    ['POS 4821 12JAN24 C , ALDI 84 STOCKPORT , STOCKPORT GB', 'DEBIT', 'Groceries', 'Aldi'],
    ['PAYPAL *ETSY.COM', 'DEBIT', 'Shopping', 'Etsy'],
    ['SAINSBURYS PETROL 0921', 'DEBIT', 'Transport', "Sainsbury's Petrol"],
    ['HALIFAX MORTGAGE DD', 'DEBIT', 'Housing', null],
    ['BARCLAYCARD DD', 'DEBIT', 'Transfers', 'Barclaycard'],
    ['FPO J SMITH REF DINNER', 'DEBIT', 'Transfers', null],
    ['FPI MR J BLOGGS REF FLAT', 'CREDIT', 'Transfers', null],
    ['BACS GLOBEX LTD', 'CREDIT', 'Income', null],
    ['DD UNKNOWN SERVICES CO', 'DEBIT', 'Bills & utilities', null],
    ['SEVERN TRENT WATER LTD', 'DEBIT', 'Bills & utilities', 'Severn Trent Water'],
    ['ANGLIAN WATER SERVICES', 'DEBIT', 'Bills & utilities', 'Anglian Water'],
    // A transfer's reference is the sender's note, not the payee.
    ['FPI A KHAN REF PIZZA', 'CREDIT', 'Transfers', null],
    ['DD TESCO BANK PET INS', 'DEBIT', 'Bills & utilities', null],
    ['CAMDEN COUNCIL PARKING', 'DEBIT', 'Transport', null],
    ['THE ROYAL OAK', 'DEBIT', 'Eating out', null],
    ['DELIVEROO PLUS', 'DEBIT', 'Subscriptions', 'Deliveroo Plus'],
    ['PARAMOUNT+', 'DEBIT', 'Subscriptions', 'Paramount+'],
  ];
  test.each(shapes)('%s (%s) is %s at %s', async (description, direction, category, merchant) => {
    const { results } = await createRulesProvider().enrich([
      input(description, direction, { providerCategory: 'UNKNOWN' }),
    ]);
    expect(results).toEqual([{ id: description, category, merchantName: merchant }]);
  });

  test('the bank merchant name is matched when the description says little', async () => {
    const { results } = await createRulesProvider().enrich([
      input('CARD 1234', 'DEBIT', { merchantName: 'Waitrose' }),
    ]);
    expect(results[0]).toMatchObject({ category: 'Groceries', merchantName: 'Waitrose' });
  });

  const fallbacks: [Partial<EnrichmentInput>, 'DEBIT' | 'CREDIT', string][] = [
    [{ providerCategory: 'ATM' }, 'DEBIT', 'Cash'],
    [{ providerCategory: 'TRANSFER' }, 'CREDIT', 'Transfers'],
    [{ providerCategory: 'INTEREST' }, 'CREDIT', 'Income'],
    [{ providerCategory: 'DIVIDEND' }, 'CREDIT', 'Income'],
    [{ providerCategory: 'FEE_CHARGE' }, 'DEBIT', 'Fees & charges'],
    [{ providerCategory: 'DIRECT_DEBIT' }, 'DEBIT', 'Bills & utilities'],
    [{ providerClassification: ['Food & Dining', 'Restaurants'] }, 'DEBIT', 'Eating out'],
    [{ providerClassification: ['Shopping', 'Groceries'] }, 'DEBIT', 'Groceries'],
    [{ providerClassification: ['Entertainment', 'Movies & DVDs'] }, 'DEBIT', 'Entertainment'],
  ];
  test.each(fallbacks)(
    'an unknown description falls back to TrueLayer: %o (%s) is %s',
    async (extra, direction, category) => {
      const { results } = await createRulesProvider().enrich([input('XYZ LTD 991', direction, extra)]);
      expect(results[0]).toEqual({ id: 'XYZ LTD 991', category, merchantName: null });
    },
  );

  test('costs nothing and uses no tokens', async () => {
    const answer = await createRulesProvider().enrich([input('TESCO', 'DEBIT'), input('J SMITH', 'CREDIT')]);
    expect(answer).toMatchObject({ tokensIn: 0, tokensOut: 0 });
    expect(answer.results).toHaveLength(2);
  });
});
