import type { Category } from './categories';

type KeywordRule = {
  /** Tested against the upper-cased description (see normaliseForMatching). */
  pattern: RegExp;
  category: Category;
  /** Only for money in or only for money out; both when absent. */
  direction?: 'DEBIT' | 'CREDIT';
};

/** Money in that is earnings: checked before the merchant table, so "TESCO PLC SALARY" is Income. */
export const incomeRules: readonly KeywordRule[] = [
  { pattern: /\b(SALARY|SAL|PAYROLL|WAGES?|PAYSLIP|BONUS)\b/, category: 'Income', direction: 'CREDIT' },
  {
    pattern: /\b(HMRC|DWP|CHILD BENEFIT|UNIVERSAL CREDIT|PENSION)\b/,
    category: 'Income',
    direction: 'CREDIT',
  },
  { pattern: /\b(INTEREST|INT PAID|GROSS INT|DIVIDEND|CASHBACK)\b/, category: 'Income', direction: 'CREDIT' },
];

/**
 * Generic words for descriptions no merchant rule knows. First match wins: money movements (cash, rent,
 * bills, fees, transfers) before spending words, so "RENT TO J SMITH TRANSFER" is Housing.
 */
export const keywordRules: readonly KeywordRule[] = [
  { pattern: /\b(ATM|CASH WITHDRAWAL|CASHPOINT|CASH MACHINE|NOTEMACHINE|CASH DEPOSIT)\b/, category: 'Cash' },
  // Interest charged on an overdraft or a card is a cost of borrowing, not spending.
  { pattern: /\b(INTEREST|OVERDRAFT)\b/, category: 'Fees & charges', direction: 'DEBIT' },
  { pattern: /\b(RENT|MORTGAGE|LETTINGS|LANDLORD)\b/, category: 'Housing', direction: 'DEBIT' },
  { pattern: /\b(COUNCIL TAX|COUNCIL|CTAX|C TAX)\b/, category: 'Bills & utilities', direction: 'DEBIT' },
  {
    pattern: /\b(ENERGY|ELECTRIC|ELECTRICITY|GAS|WATER|BROADBAND|TELECOMS?|MOBILE|INSURANCE|TV LICEN[CS]E)\b/,
    category: 'Bills & utilities',
    direction: 'DEBIT',
  },
  { pattern: /\b(FEE|FEES|CHARGE|CHARGES|COMMISSION)\b/, category: 'Fees & charges', direction: 'DEBIT' },
  { pattern: /\b(TRANSFER|TFR|TO SAVINGS|FROM SAVINGS|SAVINGS|ISA|POT)\b/, category: 'Transfers' },
  { pattern: /\b(SUBSCRIPTION|MEMBERSHIP)\b/, category: 'Subscriptions', direction: 'DEBIT' },
  {
    pattern: /\b(SUPERMARKET|S\/MKT|GROCERS?|GROCERY|FOOD STORE|CONVENIENCE|OFF LICENCE|NEWSAGENTS?)\b/,
    category: 'Groceries',
  },
  {
    pattern:
      /\b(RESTAURANT|CAFE|COFFEE|PUB|BAR|TAKEAWAY|PIZZA|KITCHEN|GRILL|BAKERY|DINER|BISTRO|BRASSERIE)\b/,
    category: 'Eating out',
  },
  {
    pattern: /\b(PHARMACY|CHEMISTS?|DENTAL|DENTIST|OPTICIANS?|CLINIC|HOSPITAL|NHS|GYM|FITNESS)\b/,
    category: 'Health',
  },
  { pattern: /\b(HOTEL|HOSTEL|AIRLINES?|AIRWAYS|AIRPORT)\b/, category: 'Travel' },
  {
    pattern: /\b(PARKING|CAR PARK|TAXI|CABS?|RAILWAYS?|TRAINS?|BUS|COACH|PETROL|FUEL|CONGESTION|ULEZ)\b/,
    category: 'Transport',
  },
  {
    pattern: /\b(CINEMA|THEATRE|TICKETS?|BOWLING|MUSEUM|CASINO|LOTTERY|BETTING)\b/,
    category: 'Entertainment',
  },
];

/** The first rule that matches the text and the direction, if any. */
export function matchKeywordRule(
  rules: readonly KeywordRule[],
  text: string,
  direction: 'DEBIT' | 'CREDIT',
): Category | null {
  const hit = rules.find(
    (r) => (r.direction === undefined || r.direction === direction) && r.pattern.test(text),
  );
  return hit?.category ?? null;
}
