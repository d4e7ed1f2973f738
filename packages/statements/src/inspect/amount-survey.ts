import type { RawAmount } from '../formats/raw-row';
import type { DecimalMark } from '../statement-schema';
import { readAmount } from '../values/read-raw-values';

type MarkTally = { failures: number; failed: Map<number, string> };

/** Reads every amount with each candidate decimal mark, so the mark is decided from the whole column. */
export class AmountSurvey {
  readonly tallies = new Map<DecimalMark, MarkTally>();
  private differing = false;

  constructor(
    marks: DecimalMark[],
    private readonly keepLines: number,
  ) {
    for (const mark of marks) this.tallies.set(mark, { failures: 0, failed: new Map() });
  }

  /** Tallies one amount; returns the marks it cannot be read with. */
  add(line: number, amount: RawAmount, digits: number): DecimalMark[] {
    const failedMarks: DecimalMark[] = [];
    const readings = new Set<number>();
    for (const [mark, tally] of this.tallies) {
      const result = readAmount(amount, mark, digits);
      if (result.ok) {
        readings.add(result.value);
        continue;
      }
      failedMarks.push(mark);
      tally.failures += 1;
      if (tally.failed.size < this.keepLines) tally.failed.set(line, result.message);
    }
    if (readings.size > 1) this.differing = true;
    return failedMarks;
  }

  candidates(): { readable: DecimalMark[]; differing: boolean } {
    const readable = [...this.tallies].filter(([, tally]) => tally.failures === 0).map(([mark]) => mark);
    return { readable, differing: readable.length > 1 && this.differing };
  }
}
