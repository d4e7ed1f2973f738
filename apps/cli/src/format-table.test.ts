import { expect, test } from 'vitest';
import { formatTable } from './format-table';

test('formatTable pads each column to its widest cell and right-aligns the numeric ones', () => {
  expect(
    formatTable(
      ['Job', 'Synced', 'Note'],
      [
        ['a1', '5', 'x'],
        ['b22', '1,250', ''],
      ],
      [1],
    ),
  ).toEqual(['Job  Synced  Note', 'a1        5  x', 'b22   1,250']);
});
