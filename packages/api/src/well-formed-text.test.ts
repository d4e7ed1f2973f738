import { describe, expect, test } from 'vitest';
import { hasMalformedText } from './well-formed-text';

describe('hasMalformedText', () => {
  test('finds half a surrogate pair anywhere in an input, keys included', () => {
    for (const input of [
      '\uD800',
      'a\uDC00b',
      { jobId: 'x\uD83D' },
      [{ ids: ['ok', '\uDFFF'] }],
      { ['\uD800']: 1 },
    ])
      expect(hasMalformedText(input), JSON.stringify(input)).toBe(true);
  });

  test('lets whole pairs, other text and other values through', () => {
    for (const input of ['', 'Café ☕', '𝕏 💷', { a: ['😀', 1, null, true] }, undefined, 42])
      expect(hasMalformedText(input), JSON.stringify(input)).toBe(false);
  });
});
