import { describe, expect, test } from 'vitest';
import { describePayment } from './describe-payment';

describe('describePayment strips what banks add around the payee', () => {
  const table: [string, string, string | null][] = [
    ['CARD PAYMENT TO TESCO STORES 3341 ON 12 JAN', 'TESCO STORES 3341', 'card'],
    [
      'CARD PAYMENT TO ASDA SUPERSTORE 4412,45.10 GBP, RATE 1.00/GBP ON 14-01-2024',
      'ASDA SUPERSTORE 4412',
      'card',
    ],
    ['))) TESCO STORES 2231 LONDON', 'TESCO STORES 2231 LONDON', null],
    ['POS 4821 12JAN24 C , ALDI 84 STOCKPORT , STOCKPORT GB', 'ALDI 84 STOCKPORT STOCKPORT GB', 'card'],
    ['DEB MORRISONS 0231 BRADFORD CD 4821', 'MORRISONS 0231 BRADFORD', 'card'],
    ['VIS ASDA STORES LTD LEEDS', 'ASDA STORES LTD LEEDS', 'card'],
    [
      'DIRECT DEBIT PAYMENT TO OCTOPUS ENERGY REF A-12B34C56, MANDATE NO 0012',
      'OCTOPUS ENERGY REF A-12B34C56, MANDATE NO 0012',
      'direct-debit',
    ],
    ['EDF ENERGY DD', 'EDF ENERGY', 'direct-debit'],
    ['SO RENT J SMITH', 'RENT J SMITH', 'standing-order'],
    ['FPO J SMITH REF DINNER', 'J SMITH REF DINNER', 'transfer-out'],
    ['FASTER PAYMENTS RECEIPT REF.SPLIT BILL FROM MR T NGUYEN', 'SPLIT BILL FROM MR T NGUYEN', 'transfer-in'],
    ['BGC ACME LTD SALARY', 'ACME LTD SALARY', 'credit'],
    ['CPT LNK ASDA BOLTON', 'ASDA BOLTON', 'cash'],
    ['C/L SAINSBURYS BANK', 'SAINSBURYS BANK', 'cash'],
    ['BP BESSBOROUGH CONNECT HARROW', 'BP BESSBOROUGH CONNECT HARROW', null],
    ['CASH', 'CASH', null],
  ];
  test.each(table)('%s -> %s (%s)', (description, text, kind) => {
    expect(describePayment(description)).toMatchObject({ text, kind });
  });

  test('card-terminal and checkout companies are peeled off and remembered', () => {
    expect(describePayment('PAYPAL *ETSY.COM')).toMatchObject({ text: 'ETSY.COM', viaFacilitator: true });
    expect(describePayment('SUMUP *THE CORNER CAFE')).toMatchObject({
      text: 'THE CORNER CAFE',
      viaFacilitator: true,
    });
    expect(describePayment('ZETTLE_*HAPPY BURGER')).toMatchObject({
      text: 'HAPPY BURGER',
      viaFacilitator: true,
    });
  });

  test('refunds are flagged, wherever the word is', () => {
    expect(describePayment('REFUND FROM AMAZON.CO.UK')).toMatchObject({ text: 'AMAZON.CO.UK', refund: true });
    expect(describePayment('TRAINLINE REFUND')).toMatchObject({ refund: true });
    expect(describePayment('TESCO STORES 3341')).toMatchObject({ refund: false });
  });
});
