import { describe, expect, test } from 'vitest';
import {
  AmbiguousDateOrderError,
  AmbiguousDecimalMarkError,
  CurrencyRequiredError,
  inspectStatement,
  readStatementRows,
  requireReadable,
  sourceFromBytes,
  StatementSyntaxError,
  UnreadableRowsError,
  type StatementOptionsInput,
  type StatementRow,
} from '../src/index';

const csv = (text: string) => sourceFromBytes('statement.csv', Buffer.from(text, 'utf8'));

async function readAll(source: ReturnType<typeof csv>, options: StatementOptionsInput = { currency: 'EUR' }) {
  const inspection = await inspectStatement(source, options);
  const rows: StatementRow[] = [];
  for await (const batch of readStatementRows(inspection)) rows.push(...batch.rows);
  return { inspection, rows };
}

describe('when the file alone cannot decide', () => {
  const ambiguous = 'Date,Text,Amount\n03/04/2024,a,-1.00\n05/06/2024,b,-2.00\n';

  test('dates that fit two orders ask for a choice, naming both', async () => {
    const error = await inspectStatement(csv(ambiguous), { currency: 'EUR' }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AmbiguousDateOrderError);
    expect((error as AmbiguousDateOrderError).candidates).toEqual(['DMY', 'MDY']);
  });

  test('the chosen order is used and the facts say it was chosen', async () => {
    const { inspection, rows } = await readAll(csv(ambiguous), { currency: 'EUR', dateOrder: 'DMY' });
    expect(inspection.facts.dateOrder).toEqual({ order: 'DMY', basis: 'choice', candidates: ['DMY', 'MDY'] });
    expect(rows.map((row) => row.bookingDate)).toEqual(['2024-04-03', '2024-06-05']);
  });

  test('dates that mean the same day in every order need no choice', async () => {
    const { inspection } = await readAll(csv('Date,Text,Amount\n03/03/2024,a,-1.00\n'));
    expect(inspection.facts.dateOrder.candidates).toEqual(['DMY', 'MDY']);
    expect(inspection.facts.dateOrder.basis).toBe('file');
  });

  test('amounts that read as thousands or as units ask for the decimal mark', async () => {
    const file = csv('Date;Text;Amount\n2024-03-01;a;-3.000\n2024-03-02;b;12.500\n');
    await expect(inspectStatement(file, { currency: 'EUR' })).rejects.toBeInstanceOf(
      AmbiguousDecimalMarkError,
    );
    const { rows } = await readAll(file, { currency: 'EUR', decimalMark: ',' });
    expect(rows.map((row) => row.amountMinor)).toEqual([-300000, 1250000]);
  });

  test('a file without a currency asks for the account currency', async () => {
    await expect(inspectStatement(csv('Date,Text,Amount\n2024-03-01,a,1.00\n'))).rejects.toBeInstanceOf(
      CurrencyRequiredError,
    );
  });
});

describe('whole-file mode', () => {
  const broken = 'Date,Text,Amount\n2024-03-01,a,-1.00\n2024-02-30,b,-2.00\n2024-03-02,c\n2024-03-03,d,x\n';

  test('every unreadable row is listed with its line, and the readable rows are still counted', async () => {
    const { inspection, rows } = await readAll(csv(broken));
    expect(inspection.problems.map((problem) => [problem.line, problem.code])).toEqual([
      [3, 'DATE_UNREADABLE'],
      [4, 'ROW_TOO_SHORT'],
      [5, 'AMOUNT_UNREADABLE'],
    ]);
    expect(inspection.facts).toMatchObject({ rowCount: 1, problemCount: 3 });
    expect(rows.map((row) => row.line)).toEqual([2]);
  });

  test('a file with unreadable rows is refused as a whole', async () => {
    const inspection = await inspectStatement(csv(broken), { currency: 'EUR' });
    expect(() => requireReadable(inspection)).toThrow(UnreadableRowsError);
    const good = await inspectStatement(csv('Date,Text,Amount\n2024-03-01,a,-1.00\n'), { currency: 'EUR' });
    expect(requireReadable(good)).toBe(good);
  });

  test('a broken MT940 statement line is an error with its line', async () => {
    const file = sourceFromBytes(
      'x.sta',
      Buffer.from(
        ':20:X\n:25:DE89370400440532013000\n:60F:C240301EUR1,00\n:61:24030X\n:62F:C240301EUR1,00\n',
      ),
    );
    await expect(inspectStatement(file)).rejects.toMatchObject({ code: 'STATEMENT_SYNTAX', line: 4 });
  });

  test('a CAMT file that is not well-formed XML is an error with its line', async () => {
    const file = sourceFromBytes(
      'x.xml',
      Buffer.from('<?xml version="1.0"?>\n<Document>\n<BkToCstmrStmt>\n<Stmt></Ntry>\n</Document>\n'),
    );
    const error = await inspectStatement(file).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StatementSyntaxError);
    expect((error as StatementSyntaxError).line).toBe(4);
  });
});

describe('row identity', () => {
  test('identical rows on a day that comes back later in an unordered file keep counting', async () => {
    const { inspection, rows } = await readAll(
      csv('Date,Text,Amount\n2024-03-05,ATM,-20.00\n2024-03-01,Shop,-5.00\n2024-03-05,ATM,-20.00\n'),
    );
    expect(inspection.facts.dateSequence).toBe('unordered');
    expect(rows.map((row) => row.occurrence)).toEqual([0, 0, 1]);
  });

  test('re-reading a file gives every row the same identity again', async () => {
    const text = 'Date,Text,Amount\n2024-03-05,ATM,-20.00\n2024-03-05,ATM,-20.00\n';
    const first = await readAll(csv(text));
    const second = await readAll(csv(text));
    expect(second.rows).toEqual(first.rows);
  });
});

describe('OFX sign conventions', () => {
  test('a bank that writes every debit positive is recognised and its amounts turned around', async () => {
    const ofx = (amount: string, type: string, id: string) =>
      `<STMTTRN><TRNTYPE>${type}<DTPOSTED>20240301<TRNAMT>${amount}<FITID>${id}</STMTTRN>`;
    const file = sourceFromBytes(
      'card.qfx',
      Buffer.from(
        `OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>1</CCACCTFROM><BANKTRANLIST>${ofx('25.00', 'DEBIT', 'a')}${ofx('-100.00', 'CREDIT', 'b')}</BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>`,
      ),
    );
    const { inspection, rows } = await readAll(file);
    expect(inspection.facts.signConvention).toBe('signed-inverted');
    expect(rows.map((row) => [row.amountMinor, row.direction])).toEqual([
      [-2500, 'DEBIT'],
      [10000, 'CREDIT'],
    ]);
  });
});

describe('encodings', () => {
  test('a file that is UTF-8 for its first 64 KB but has a Windows-1252 byte later is read as Windows-1252', async () => {
    const filler = Array.from(
      { length: 2000 },
      (_, index) => `2024-03-01,Row ${index} padding text,-1.00\n`,
    ).join('');
    const bytes = Buffer.concat([
      Buffer.from(`Date,Text,Amount\n${filler}`),
      Buffer.from([
        ...Buffer.from('2024-03-02,Caf'),
        0xe9,
        ...Buffer.from(' 5 '),
        0x80,
        ...Buffer.from(',-5.00\n'),
      ]),
    ]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const { inspection, rows } = await readAll(sourceFromBytes('late.csv', bytes));
    expect(inspection.facts.encoding).toBe('windows-1252');
    expect(rows.at(-1)?.description).toBe('Café 5 €');
  });
});

describe('progress', () => {
  test('both passes report bytes and rows read, ending at the whole file', async () => {
    const text = `Date,Text,Amount\n${'2024-03-01,a,-1.00\n'.repeat(1200)}`;
    const seen: number[] = [];
    const inspection = await inspectStatement(csv(text), { currency: 'EUR' }, (progress) =>
      seen.push(progress.rowsRead),
    );
    expect(seen.at(-1)).toBe(1200);
    const batches = [];
    for await (const batch of readStatementRows(inspection, 500)) batches.push(batch.progress);
    expect(batches.map((progress) => progress.rowsRead)).toEqual([500, 1000, 1200]);
    expect(batches.at(-1)).toEqual({ bytesRead: text.length, totalBytes: text.length, rowsRead: 1200 });
  });
});

describe('broken CSV', () => {
  test('a quote never closed is a syntax error with the line where reading stopped', async () => {
    const error = await inspectStatement(csv('Date,Text,Amount\n2024-03-01,a,-1.00\n2024-03-02,"b,-2.00\n'), {
      currency: 'EUR',
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StatementSyntaxError);
    expect((error as StatementSyntaxError).line).toBe(3);
  });
});
