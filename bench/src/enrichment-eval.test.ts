import { createRulesProvider } from '@app/enrichment';
import { describe, expect, test } from 'vitest';
import { accuracy, readEvalSet, toEnrichmentInput, type Scored } from './enrichment-eval-set';

// The labelled set of bench/eval scored through the rules provider: the bar is 90%, per split, so a
// rule change that helps the rows it was written for but breaks the ones it was not shows up here.
describe('the rules provider on the labelled evaluation set', () => {
  const rows = readEvalSet();

  test('the set is at least 300 rows, each labelled with a known category', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.split))).toEqual(new Set(['dev', 'holdout', 'fresh']));
  });

  test.each(['dev', 'holdout', 'fresh'])('reaches 90%% on the %s split', async (split) => {
    const part = rows.filter((r) => r.split === split);
    const { results } = await createRulesProvider().enrich(part.map(toEnrichmentInput));
    const byId = new Map(results.map((r) => [r.id, r.category as string]));
    const scored: Scored[] = part.map((row, i) => ({ row, got: byId.get(String(i)) ?? '' }));
    const wrong = scored
      .filter((s) => s.got !== s.row.expected)
      .map((s) => `${s.row.description} -> ${s.got}`);
    expect(accuracy(scored).percent, wrong.join('\n')).toBeGreaterThanOrEqual(90);
  });
});
