import { describe, expect, test } from 'vitest';
import { InvalidCsvMappingError } from '../../errors';
import { exportCsvMapping, importCsvMapping, type CsvMapping } from './csv-mapping';

const mapping: CsvMapping = {
  version: 1,
  delimiter: ';',
  header: true,
  columns: {
    date: 'Buchungstag',
    valueDate: 'Valuta',
    amount: {
      kind: 'indicator',
      column: 'Umsatz',
      indicator: 'S/H',
      debitValues: ['S'],
      creditValues: ['H'],
    },
    description: 'Verwendungszweck',
  },
  dateOrder: 'DMY',
  decimalMark: ',',
  currency: 'EUR',
};

describe('saved CSV mappings', () => {
  test('a mapping exported to a file imports back unchanged', () => {
    expect(importCsvMapping(exportCsvMapping(mapping))).toEqual(mapping);
  });

  test('an old file without the optional fields gets their defaults', () => {
    const imported = importCsvMapping(
      JSON.stringify({ version: 1, columns: { date: 0, amount: { kind: 'signed', column: 2 } } }),
    );
    expect(imported).toEqual({
      version: 1,
      header: true,
      columns: { date: 0, amount: { kind: 'signed', column: 2, positiveIs: 'credit' } },
    });
  });

  test('a wrong file lists every problem with its place', () => {
    const wrong = JSON.stringify({
      version: 2,
      columns: { amount: { kind: 'debit-credit', debit: 'Soll' } },
    });
    const error = (() => {
      try {
        importCsvMapping(wrong);
        return null;
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(InvalidCsvMappingError);
    expect((error as Error).message).toMatch(/version/);
    expect((error as Error).message).toMatch(/columns\.date/);
    expect((error as Error).message).toMatch(/columns\.amount\.credit/);
  });

  test('a file that is not JSON says so', () => {
    expect(() => importCsvMapping('{ version: 1')).toThrow(/not JSON/);
  });
});
