import type { StatementOptions } from '../statement-facts';
import type { StatementFormat } from '../statement-schema';
import { readCamt } from './camt/read-camt';
import { readCsv } from './csv/read-csv';
import { readMt940 } from './mt940/read-mt940';
import { readOfx } from './ofx/read-ofx';
import { readQif } from './qif/read-qif';
import type { FormatTraits, ReadEvent } from './raw-row';

export type FormatReader = {
  traits: FormatTraits;
  /** Reads decoded text into events, in file order. Called once per pass, so it must not keep state between calls. */
  read(chunks: AsyncIterable<string>, options: StatementOptions): AsyncIterable<ReadEvent>;
};

export const formatReaders: Record<StatementFormat, FormatReader> = {
  csv: { traits: { decimalMarks: ['.', ','], fixedDates: false, signConvention: 'signed' }, read: readCsv },
  // OFX says amounts use a point, but European banks write commas: the file's amounts decide.
  ofx: { traits: { decimalMarks: ['.', ','], fixedDates: true, signConvention: 'signed' }, read: readOfx },
  qif: { traits: { decimalMarks: ['.', ','], fixedDates: false, signConvention: 'signed' }, read: readQif },
  camt: {
    traits: { decimalMarks: ['.'], fixedDates: true, signConvention: 'credit-debit-mark' },
    read: readCamt,
  },
  mt940: {
    traits: { decimalMarks: [','], fixedDates: true, signConvention: 'credit-debit-mark' },
    read: readMt940,
  },
};
