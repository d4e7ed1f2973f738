import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { inspectStatement, readStatementRows } from '../src/index';
import { createGeneratedCsvSource } from '../src/testing';

// Memory is measured, never time. The retained heap is read after a full collection, which V8 exposes once the
// flag is set (a new context picks up the `gc` function).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function retainedHeapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

test(
  '100,000 CSV rows stream through both passes with bounded memory and no row cap',
  { timeout: 900_000 },
  async () => {
    const rows = 100_000;
    const source = createGeneratedCsvSource(rows);
    const baseline = retainedHeapMb();

    const inspection = await inspectStatement(source, { currency: 'EUR' });
    expect(inspection.facts).toMatchObject({ rowCount: rows, problemCount: 0, dateSequence: 'ascending' });
    expect(inspection.facts.dateOrder.order).toBe('DMY');
    expect(inspection.facts.decimalMark.mark).toBe(',');
    const afterInspection = retainedHeapMb();

    const samples: number[] = [];
    let read = 0;
    let identicalPairs = 0;
    for await (const batch of readStatementRows(inspection, 500)) {
      read += batch.rows.length;
      identicalPairs += batch.rows.filter((row) => row.occurrence === 1).length;
      if (read % 10_000 === 0) samples.push(retainedHeapMb());
    }
    expect(read).toBe(rows);
    expect(identicalPairs).toBe(99);

    const [first = 0] = samples;
    const peak = Math.max(...samples);
    // 100,000 rows held at once would retain tens of megabytes; a stream keeps one batch and one day's counts.
    expect(afterInspection - baseline).toBeLessThan(5);
    expect(peak - first).toBeLessThan(5);
    expect(peak - baseline).toBeLessThan(16);
  },
);
