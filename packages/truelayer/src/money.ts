import { TrueLayerError } from './errors';

// ISO 4217 minor-unit exponents that differ from the usual 2.
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

/** How many minor-unit digits a currency has (2 unless listed). */
export function getCurrencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

// A plain decimal as JavaScript prints the shortest round-trip form of a double; exponent forms
// (1e+21, 1e-7) are either beyond safe integers or have too many decimals, so they do not match.
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Converts a JSON amount in major units to integer minor units without float arithmetic:
 * the number's shortest decimal form is read digit by digit (-23.4 GBP -> -2340).
 */
export function toMinorUnits(amount: number, currency: string): number {
  const exponent = getCurrencyExponent(currency);
  const match = Number.isFinite(amount) ? DECIMAL.exec(String(amount)) : null;
  const fraction = match?.[3] ?? '';
  if (!match || fraction.length > exponent) {
    throw new TrueLayerError(
      'MALFORMED_RESPONSE',
      `The bank sent an amount that is not a whole number of ${currency} minor units (${String(amount)}).`,
    );
  }
  const digits = `${match[2] ?? '0'}${fraction.padEnd(exponent, '0')}`;
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) {
    throw new TrueLayerError(
      'MALFORMED_RESPONSE',
      `The bank sent an amount too large to store exactly (${String(amount)}).`,
    );
  }
  // Avoid -0, which would compare unequal in snapshots and Object.is checks.
  return match[1] === '-' && magnitude !== 0 ? -magnitude : magnitude;
}
