import { expect, test } from 'vitest';
import { descriptionSimilarity } from './record-ambiguous-pairs';

test('descriptions that differ only in branch or terminal numbers read as the same', () => {
  expect(descriptionSimilarity('TESCO STORES 2231', 'TESCO STORES 2231')).toBe(1);
  expect(descriptionSimilarity('TESCO STORES 2231', 'TESCO STORES 0087')).toBe(1);
  expect(descriptionSimilarity('TESCO STORES', 'SAINSBURYS')).toBe(0);
});
