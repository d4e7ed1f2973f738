import { describe, expect, test } from 'vitest';
import { categorisedBy } from './category-editor';

describe('what categorised a transaction', () => {
  test.each([
    [null, 'bank'],
    ['queued:job1', 'bank'],
    ['rules', 'rule'],
    ['user-rule', 'your rule'],
    ['llm:gpt-4o-mini', 'gpt-4o-mini'],
  ])('%s is shown as %s', (enrichedBy, shown) => {
    expect(categorisedBy(enrichedBy)).toBe(shown);
  });
});
