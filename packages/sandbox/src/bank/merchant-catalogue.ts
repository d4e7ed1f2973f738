import type { RandomTemplate } from './item-template';

export const PLACES = [
  'KINGS CROSS',
  'CAMDEN',
  'SHOREDITCH',
  'BRIXTON',
  'ISLINGTON',
  'CLAPHAM',
  'HACKNEY',
  'VICTORIA',
  'STRATFORD',
  'BALHAM',
] as const;
export const PEOPLE = [
  'A JONES',
  'S PATEL',
  'M TAYLOR',
  'R KHAN',
  'L EVANS',
  'C BROWN',
  'D WILLIAMS',
] as const;

const GROCERIES = ['Shopping', 'Groceries'];
const COFFEE = ['Food & Dining', 'Coffee shops'];

/** Day-to-day activity on a current account. */
// One entry per line reads as a table.
// prettier-ignore
export const CURRENT_ACCOUNT_ACTIVITY: readonly RandomTemplate[] = [
  { weight: 10, description: 'TESCO STORES {store}', merchantName: 'Tesco', category: 'PURCHASE', classification: GROCERIES, providerCategory: 'POS', direction: 'DEBIT', minPence: 300, maxPence: 9500 },
  { weight: 8, description: "SAINSBURY'S S/MKT {place}", merchantName: "Sainsbury's", category: 'PURCHASE', classification: GROCERIES, providerCategory: 'POS', direction: 'DEBIT', minPence: 250, maxPence: 8000 },
  { weight: 3, description: 'WAITROSE {store}', merchantName: 'Waitrose', category: 'PURCHASE', classification: GROCERIES, providerCategory: 'POS', direction: 'DEBIT', minPence: 400, maxPence: 7000 },
  { weight: 3, description: 'M&S SIMPLY FOOD {place}', merchantName: 'Marks & Spencer', category: 'PURCHASE', classification: GROCERIES, providerCategory: 'POS', direction: 'DEBIT', minPence: 300, maxPence: 2500 },
  { weight: 8, description: 'PRET A MANGER {place}', merchantName: 'Pret A Manger', category: 'PURCHASE', classification: COFFEE, providerCategory: 'POS', direction: 'DEBIT', minPence: 250, maxPence: 1200 },
  { weight: 4, description: 'COSTA COFFEE {store}', merchantName: 'Costa Coffee', category: 'PURCHASE', classification: COFFEE, providerCategory: 'POS', direction: 'DEBIT', minPence: 220, maxPence: 650 },
  { weight: 3, description: 'GREGGS PLC {place}', merchantName: 'Greggs', category: 'PURCHASE', classification: ['Food & Dining', 'Fast Food'], providerCategory: 'POS', direction: 'DEBIT', minPence: 150, maxPence: 700 },
  { weight: 9, description: 'TFL TRAVEL CH', merchantName: 'Transport for London', category: 'PURCHASE', classification: ['Auto & Transport', 'Public transport'], providerCategory: 'POS', direction: 'DEBIT', minPence: 175, maxPence: 1280 },
  { weight: 6, description: 'AMAZON.CO.UK*{ref}', merchantName: 'Amazon', category: 'PURCHASE', classification: ['Shopping', 'General'], providerCategory: 'POS', direction: 'DEBIT', minPence: 499, maxPence: 12000 },
  { weight: 1, description: 'AMAZON.CO.UK REFUND {ref}', merchantName: 'Amazon', category: 'PURCHASE', classification: ['Shopping', 'General'], providerCategory: 'POS', direction: 'CREDIT', minPence: 499, maxPence: 6000 },
  { weight: 2, description: 'SHELL {place}', merchantName: 'Shell', category: 'PURCHASE', classification: ['Auto & Transport', 'Gas & Fuel'], providerCategory: 'POS', direction: 'DEBIT', minPence: 2000, maxPence: 8500 },
  { weight: 3, description: 'BOOTS {store}', merchantName: 'Boots', category: 'PURCHASE', classification: ['Health & Fitness', 'Pharmacy'], providerCategory: 'POS', direction: 'DEBIT', minPence: 199, maxPence: 3500 },
  { weight: 4, description: 'DELIVEROO', merchantName: 'Deliveroo', category: 'PURCHASE', classification: ['Food & Dining', 'Food Delivery'], providerCategory: 'POS', direction: 'DEBIT', minPence: 1200, maxPence: 4500 },
  { weight: 2, description: 'UBER *TRIP', merchantName: 'Uber', category: 'PURCHASE', classification: ['Auto & Transport', 'Taxi'], providerCategory: 'POS', direction: 'DEBIT', minPence: 700, maxPence: 3500 },
  { weight: 1, description: 'TRAINLINE.COM', merchantName: 'Trainline', category: 'PURCHASE', classification: ['Travel', 'Rail'], providerCategory: 'POS', direction: 'DEBIT', minPence: 1200, maxPence: 9500 },
  { weight: 1, description: 'APPLE.COM/BILL', merchantName: 'Apple', category: 'PURCHASE', classification: ['Entertainment', 'Apps'], providerCategory: 'POS', direction: 'DEBIT', minPence: 79, maxPence: 1499 },
  { weight: 2, description: 'CASH NOTEMACHINE {place}', merchantName: null, category: 'ATM', classification: ['Cash & ATM'], providerCategory: 'CPT', direction: 'DEBIT', minPence: 1000, maxPence: 10000, stepPence: 1000 },
  { weight: 2, description: '{name} FASTER PAYMENT {ref}', merchantName: null, category: 'TRANSFER', classification: ['Transfer'], providerCategory: 'FPO', direction: 'DEBIT', minPence: 500, maxPence: 6000 },
  { weight: 1, description: 'FROM {name} {ref}', merchantName: null, category: 'TRANSFER', classification: ['Transfer'], providerCategory: 'FPI', direction: 'CREDIT', minPence: 500, maxPence: 4000 },
  { weight: 0.3, description: 'CASHBACK REWARD', merchantName: null, category: 'CASHBACK', classification: ['Income', 'Rewards'], providerCategory: 'BGC', direction: 'CREDIT', minPence: 50, maxPence: 500 },
  { weight: 0.3, description: 'NON-STERLING TRANSACTION FEE', merchantName: null, category: 'FEE_CHARGE', classification: ['Fees & Charges', 'Bank Fee'], providerCategory: 'CHG', direction: 'DEBIT', minPence: 5, maxPence: 299 },
];

/** Credit card spending: purchases and the odd refund. */
// One entry per line reads as a table.
// prettier-ignore
export const CARD_ACTIVITY: readonly RandomTemplate[] = [
  { weight: 6, description: 'AMAZON.CO.UK*{ref}', merchantName: 'Amazon', category: 'PURCHASE', classification: ['Shopping', 'General'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 499, maxPence: 15000 },
  { weight: 5, description: 'TESCO STORES {store}', merchantName: 'Tesco', category: 'PURCHASE', classification: GROCERIES, providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 500, maxPence: 12000 },
  { weight: 3, description: "SAINSBURY'S S/MKT {place}", merchantName: "Sainsbury's", category: 'PURCHASE', classification: GROCERIES, providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 400, maxPence: 9000 },
  { weight: 3, description: 'SHELL {place}', merchantName: 'Shell', category: 'PURCHASE', classification: ['Auto & Transport', 'Gas & Fuel'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 2500, maxPence: 9000 },
  { weight: 4, description: 'DELIVEROO', merchantName: 'Deliveroo', category: 'PURCHASE', classification: ['Food & Dining', 'Food Delivery'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 1200, maxPence: 5000 },
  { weight: 2, description: 'UBER *TRIP', merchantName: 'Uber', category: 'PURCHASE', classification: ['Auto & Transport', 'Taxi'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 700, maxPence: 4000 },
  { weight: 2, description: 'TRAINLINE.COM', merchantName: 'Trainline', category: 'PURCHASE', classification: ['Travel', 'Rail'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 1500, maxPence: 12000 },
  { weight: 2, description: 'JOHN LEWIS {store}', merchantName: 'John Lewis', category: 'PURCHASE', classification: ['Shopping', 'Home'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 1500, maxPence: 25000 },
  { weight: 2, description: 'ASOS.COM', merchantName: 'ASOS', category: 'PURCHASE', classification: ['Shopping', 'Clothing'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 1200, maxPence: 9000 },
  { weight: 2, description: 'DISHOOM {place}', merchantName: 'Dishoom', category: 'PURCHASE', classification: ['Food & Dining', 'Restaurants'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 2500, maxPence: 9000 },
  { weight: 1, description: 'BOOKING.COM', merchantName: 'Booking.com', category: 'PURCHASE', classification: ['Travel', 'Hotels'], providerCategory: 'PURCHASE', direction: 'DEBIT', minPence: 6000, maxPence: 45000 },
  { weight: 1, description: 'REFUND ASOS.COM', merchantName: 'ASOS', category: 'PURCHASE', classification: ['Shopping', 'Clothing'], providerCategory: 'REFUND', direction: 'CREDIT', minPence: 1200, maxPence: 6000 },
];

/** A savings account only sees the odd top-up or withdrawal besides its scheduled entries. */
// One entry per line reads as a table.
// prettier-ignore
export const SAVINGS_ACTIVITY: readonly RandomTemplate[] = [
  { weight: 2, description: 'TRANSFER FROM {name}', merchantName: null, category: 'TRANSFER', classification: ['Transfer'], providerCategory: 'FPI', direction: 'CREDIT', minPence: 2000, maxPence: 50000, stepPence: 100 },
  { weight: 1, description: 'WITHDRAWAL TO CURRENT ACCOUNT', merchantName: null, category: 'TRANSFER', classification: ['Transfer'], providerCategory: 'FPO', direction: 'DEBIT', minPence: 5000, maxPence: 30000, stepPence: 100 },
];

/** The expected net outflow of one item, in pence (positive = money out), used to size salaries. */
export function expectedOutflowPence(catalogue: readonly RandomTemplate[]): number {
  const totalWeight = catalogue.reduce((sum, entry) => sum + entry.weight, 0);
  const weighted = catalogue.reduce((sum, entry) => {
    const mean = (entry.minPence + entry.maxPence) / 2;
    return sum + entry.weight * (entry.direction === 'DEBIT' ? mean : -mean);
  }, 0);
  return totalWeight === 0 ? 0 : weighted / totalWeight;
}
