import { UnknownCurrencyError } from '../errors';

const digitsByCurrency = new Map<string, number>();
const names = new Intl.DisplayNames('en', { type: 'currency', fallback: 'none' });

/** The number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, BHD 3), from the runtime's ICU data. */
export function currencyDigits(currency: string, line: number | null = null): number {
  const cached = digitsByCurrency.get(currency);
  if (cached !== undefined) return cached;
  // DisplayNames knows current and former ISO 4217 codes (DEM, FRF in old statements) and no made-up ones.
  const known = /^[A-Z]{3}$/.test(currency) && names.of(currency) !== undefined;
  if (!known) {
    throw new UnknownCurrencyError(currency, line);
  }
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const value = digits ?? 2;
  digitsByCurrency.set(currency, value);
  return value;
}
