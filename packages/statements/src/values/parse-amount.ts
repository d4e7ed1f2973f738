import type { DecimalMark } from '../statement-schema';

/** A decimal number as written, kept exact: `-1234.5` is { negative: true, integer: '1234', fraction: '5' }. */
export type ExactDecimal = { negative: boolean; integer: string; fraction: string };

const otherMark = { '.': ',', ',': '.' } as const;

/**
 * Reads an amount with the given decimal mark. The other mark is allowed only as a thousands separator between
 * groups of three digits, so "-3.000" is minus three thousand with a decimal comma and minus three with a point,
 * and "12.50" cannot be read with a decimal comma at all. Spaces, apostrophes, currency codes and symbols are
 * ignored; a sign may lead, trail ("12,50-") or be parentheses ("(12.50)"). Returns null when it cannot be read.
 */
export function parseDecimal(text: string, mark: DecimalMark): ExactDecimal | null {
  let body = text
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^[A-Z]{3}|[A-Z]{3}$/g, '')
    .replace(/[€$£¥₣₤₹]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  const sign = /^[-+]|[-+]$/.exec(body)?.[0];
  if (sign) {
    negative = negative !== (sign === '-');
    body = body.startsWith(sign) ? body.slice(1) : body.slice(0, -1);
  }
  const group = escape(otherMark[mark]);
  const decimal = escape(mark);
  const shape = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d*)(?:${decimal}(\\d*))?$`);
  const match = shape.exec(body);
  if (!match) return null;
  const integer = (match[1] ?? '').replaceAll(otherMark[mark], '');
  const fraction = match[2] ?? '';
  if (!integer && !fraction) return null;
  return { negative, integer: integer || '0', fraction };
}

/**
 * Exact minor units of a decimal for a currency with `digits` minor digits, or null when it has more non-zero
 * decimals than the currency allows (never rounded) or does not fit a safe integer.
 */
export function toMinorUnits(value: ExactDecimal, digits: number): number | null {
  const extra = value.fraction.slice(digits);
  if (/[1-9]/.test(extra)) return null;
  const minor = BigInt(value.integer + value.fraction.slice(0, digits).padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const amount = Number(minor);
  return value.negative && amount !== 0 ? -amount : amount;
}

function escape(character: string): string {
  return character === '.' ? '\\.' : character;
}
