import { describe, expect, test } from 'vitest';
import { parseDecimal, toMinorUnits } from './parse-amount';

const minor = (text: string, mark: '.' | ',', digits = 2) => {
  const decimal = parseDecimal(text, mark);
  return decimal ? toMinorUnits(decimal, digits) : null;
};

describe('amounts', () => {
  test('"-3.000" is minus three thousand with a decimal comma and minus three with a point', () => {
    expect(minor('-3.000', ',')).toBe(-300000);
    expect(minor('-3.000', '.')).toBe(-300);
  });

  test('thousands separators are read on either side', () => {
    expect(minor('1.234,56', ',')).toBe(123456);
    expect(minor('1,234.56', '.')).toBe(123456);
    expect(minor("1'234.50", '.')).toBe(123450);
    expect(minor('1 234,50 €', ',')).toBe(123450);
  });

  test('the other mark outside groups of three digits makes an amount unreadable', () => {
    expect(minor('12.50', ',')).toBeNull();
    expect(minor('1,5', '.')).toBeNull();
    expect(minor('1.23.4', ',')).toBeNull();
  });

  test('signs may trail or be parentheses', () => {
    expect(minor('12,50-', ',')).toBe(-1250);
    expect(minor('(12.50)', '.')).toBe(-1250);
    expect(minor('+7', '.')).toBe(700);
    expect(minor('EUR -0.99', '.')).toBe(-99);
  });

  test('decimals beyond the currency are refused, never rounded', () => {
    expect(minor('1.005', '.')).toBeNull();
    expect(minor('1.00500', '.')).toBeNull();
    expect(minor('8.85000', '.')).toBe(885);
  });

  test('currencies without or with three minor digits keep exact units', () => {
    expect(minor('1500', '.', 0)).toBe(1500);
    expect(minor('1.250', '.', 3)).toBe(1250);
    expect(minor('12.5', '.', 0)).toBeNull();
  });

  test('text that is no number is unreadable', () => {
    expect(parseDecimal('', '.')).toBeNull();
    expect(parseDecimal('n/a', '.')).toBeNull();
    expect(parseDecimal('-', '.')).toBeNull();
  });
});
