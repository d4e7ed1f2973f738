import { normaliseForMatching } from './normalise-text';

/** What a statement's prefix says about how money moved, independent of who was paid. */
export type PaymentKind =
  'card' | 'direct-debit' | 'standing-order' | 'transfer-out' | 'transfer-in' | 'credit' | 'cash';

export type DescribedPayment = {
  /** The description without bank prefixes, card numbers, dates and FX details: what rules match on. */
  text: string;
  kind: PaymentKind | null;
  refund: boolean;
  /** Paid through a card terminal or checkout company (SumUp, Square, Zettle, PayPal...): a small merchant. */
  viaFacilitator: boolean;
};

/** "SQ *BLUE BOTTLE", "SUMUP *THE CORNER CAFE", "ZETTLE_*HAPPY BURGER", "PAYPAL *ETSY", "CRV*TESCO" (Curve). */
const facilitator =
  /^(PAYPAL|PP|SQ|SUMUP|SUM UP|ZETTLE|IZ|IZETTLE|CRV|CURVE|STRIPE|TST|SP|PAYPAL EUROPE|GOCARDLESS|WORLDPAY|TAKEPAYMENTS|DOJO|YOYO)\s*[*_]+[\s*_]*/;

/*
 * Leading words UK banks put before the payee (Barclays, HSBC, Lloyds, NatWest, Santander, Nationwide, Monzo,
 * Starling statement formats), longest first so "DIRECT DEBIT PAYMENT TO" wins over "DIRECT DEBIT".
 * Never "BP" (HSBC's bill payment): it is also the petrol brand, which is far more common.
 */
const prefixes: [string, PaymentKind | 'refund'][] = [
  ['BILL PAYMENT VIA FASTER PAYMENT TO', 'transfer-out'],
  ['FASTER PAYMENTS RECEIPT REF', 'transfer-in'],
  ['FASTER PAYMENT RECEIPT REF', 'transfer-in'],
  ['FASTER PAYMENTS RECEIPT', 'transfer-in'],
  ['FASTER PAYMENT RECEIPT', 'transfer-in'],
  ['DIRECT DEBIT PAYMENT TO', 'direct-debit'],
  ['DEBIT CARD PAYMENT TO', 'card'],
  ['CONTACTLESS PAYMENT TO', 'card'],
  ['STANDING ORDER TO', 'standing-order'],
  ['STANDING ORDER VIA FASTER PAYMENT TO', 'standing-order'],
  ['FASTER PAYMENT TO', 'transfer-out'],
  ['FASTER PAYMENTS TO', 'transfer-out'],
  ['BILL PAYMENT TO', 'transfer-out'],
  ['ONLINE TRANSFER TO', 'transfer-out'],
  ['ONLINE PAYMENT TO', 'transfer-out'],
  ['BANK GIRO CREDIT', 'credit'],
  ['CASH WITHDRAWAL AT', 'cash'],
  ['CASH WITHDRAWAL', 'cash'],
  ['CARD PAYMENT TO', 'card'],
  ['CARD PAYMENT AT', 'card'],
  ['CARD PAYMENT', 'card'],
  ['CARD PURCHASE', 'card'],
  ['CARD TRANSACTION', 'card'],
  ['CARD REFUND FROM', 'refund'],
  ['CARD REFUND', 'refund'],
  ['REFUND FROM', 'refund'],
  ['REFUND', 'refund'],
  ['CONTACTLESS PAYMENT', 'card'],
  ['CONTACTLESS', 'card'],
  ['VISA PURCHASE', 'card'],
  ['VISA DEBIT', 'card'],
  ['DEBIT CARD', 'card'],
  ['APPLE PAY', 'card'],
  ['GOOGLE PAY', 'card'],
  ['DIRECT DEBIT TO', 'direct-debit'],
  ['DIRECT DEBIT', 'direct-debit'],
  ['STANDING ORDER', 'standing-order'],
  ['BANK CREDIT', 'credit'],
  ['CREDIT FROM', 'credit'],
  ['RECEIPT FROM', 'transfer-in'],
  ['TRANSFER TO', 'transfer-out'],
  ['TRANSFER FROM', 'transfer-in'],
  ['CASHPOINT', 'cash'],
  ['VIS', 'card'],
  ['VISA', 'card'],
  ['POS', 'card'],
  ['DEB', 'card'],
  ['PUR', 'card'],
  ['D/D', 'direct-debit'],
  ['DD', 'direct-debit'],
  ['S/O', 'standing-order'],
  ['STO', 'standing-order'],
  ['SO', 'standing-order'],
  ['FPO', 'transfer-out'],
  ['FPI', 'transfer-in'],
  ['BGC', 'credit'],
  ['BACS', 'credit'],
  ['BAC', 'credit'],
  ['CPT', 'cash'],
  ['C/L', 'cash'],
  ['ATM', 'cash'],
  ['LNK', 'cash'],
  ['CASH', 'cash'],
];

const prefixPatterns = prefixes.map(
  ([words, kind]) => [new RegExp(`^${escape(words)}(?:[ .:,*-]+|$)`), kind] as const,
);

/** Trailing words that say how, not who: "TESCO MOBILE DD", "EDF ENERGY DD", "CARD 1234". */
const suffix = /\s+(DD|D\/D|SO|S\/O|FPO|FPI|BGC|CR|DR|CD \d{4})$/;

/**
 * Strips what banks add around a payee so rules see the payee: prefixes (recording the payment kind),
 * NatWest's "4821 12JAN24 C ," card-and-date head, Santander's ",12.50 GBP, RATE 1.00/GBP ON 14-01-2024" tail,
 * "ON 12 JAN" dates, "CD 1234" card numbers and the contactless ")))". Store numbers, references and towns are
 * left: rules match on words, and references often carry the only clue ("REF RENT MARCH").
 */
export function describePayment(description: string): DescribedPayment {
  let text = normaliseForMatching(description)
    .replace(/^[^A-Z0-9]+/, '') // ")))", "*", "-"
    .replace(/,\s*[\d.]+ [A-Z]{3}, RATE .*$/, '') // Santander FX tail
    .replace(/\s+ON \d{1,2}[ -/]?(\d{1,2}|[A-Z]{3})([ -/]?\d{2,4})?$/, '') // "ON 12 JAN", "ON 12-01-2024"
    .trim();
  let kind: PaymentKind | null = null;
  let refund = false;
  for (let guard = 0; guard < 4; guard++) {
    // NatWest: "4829 12JAN24 C , TESCO STORES 2231 , LONDON GB" (card digits, date, C/D, then the payee).
    const natwest = text.match(/^\d{4} \d{2}[A-Z]{3}\d{2} [A-Z]? ?, (.*)$/);
    if (natwest?.[1]) {
      text = natwest[1].replace(/\s*,\s*/g, ' ').trim();
      kind ??= 'card';
      continue;
    }
    const hit = prefixPatterns.find(([pattern]) => pattern.test(text));
    if (!hit) break;
    const [pattern, found] = hit;
    const rest = text.replace(pattern, '').trim();
    if (rest === '') break; // "CASH" alone is a payee of its own, not a prefix
    text = rest;
    if (found === 'refund') refund = true;
    else kind ??= found;
  }
  for (let guard = 0; guard < 2 && suffix.test(text); guard++) {
    const trailing = text.match(suffix)?.[1] ?? '';
    text = text.replace(suffix, '').trim();
    if (kind === null && /^(DD|D\/D)$/.test(trailing)) kind = 'direct-debit';
    if (kind === null && /^(SO|S\/O)$/.test(trailing)) kind = 'standing-order';
  }
  const facilitated = facilitator.test(text) && text.replace(facilitator, '').trim() !== '';
  if (facilitated) text = text.replace(facilitator, '').trim();
  if (/\bREFUND\b/.test(text)) refund = true;
  return { text: text.replace(/\s+/g, ' ').trim(), kind, refund, viaFacilitator: facilitated };
}

function escape(words: string): string {
  return words.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
