import { expect, test } from 'vitest';
import { splitByWeight } from './attribute-enrichment';

test('shares add up to the total exactly, the largest remainders taking the odd units', () => {
  expect(splitByWeight(10, [1, 1, 1])).toEqual([4, 3, 3]);
  expect(splitByWeight(7, [0, 2, 5])).toEqual([0, 2, 5]);
  expect(splitByWeight(5, [0, 0])).toEqual([0, 0]);
});
