import { expect, test } from 'vitest';
import { formatIban } from './format-iban';

test('check digits match the published example IBAN', () => {
  expect(formatIban('NWBK', '60-16-13', '31926819')).toBe('GB29NWBK60161331926819');
});
