import type { StatementOptions } from '../../statement-facts';
import { splitLines } from '../../text/decode-source';
import { accountFor, describeRow, emptyToNull, type ReadEvent } from '../raw-row';

// Sections holding a cash account's transactions; lists (categories, classes, securities) hold none.
const cashSections = new Set(['bank', 'cash', 'ccard', 'oth a', 'oth l']);
const transactionSections = new Set([...cashSections, 'invst']);

type Section = 'cash' | 'account' | 'unsupported' | 'list';

/**
 * Reads Quicken Interchange Format: `!Type:Bank` (and Cash, CCard, Oth A/L) records ending in `^`, with the
 * account given by a preceding `!Account` block. Dates are left as written ("1/23/2019", "2/10'20", "23.01.19"):
 * their order is decided from the whole file. Split lines are part of their record, whose total is the amount.
 */
export async function* readQif(
  chunks: AsyncIterable<string>,
  _options: StatementOptions,
): AsyncGenerator<ReadEvent> {
  let section: Section = 'list';
  let accountKey = 'file';
  let accountName: string | null = null;
  let accountType: string | null = null;
  let record: Map<string, string> = new Map();
  let recordLine = 0;
  const announced = new Set<string>();
  for await (const { text, line } of splitLines(chunks)) {
    const trimmed = text.trimEnd();
    if (trimmed.trim() === '') continue;
    if (trimmed.startsWith('!')) {
      const header = trimmed.slice(1).toLowerCase();
      record = new Map();
      if (header === 'account') section = 'account';
      else if (header.startsWith('type:')) {
        const type = header.slice(5).trim();
        section = cashSections.has(type) ? 'cash' : transactionSections.has(type) ? 'unsupported' : 'list';
        if (section === 'unsupported') {
          yield {
            kind: 'problem',
            problem: { line, code: 'UNSUPPORTED_SECTION', message: `${trimmed} transactions are not read` },
          };
        }
      }
      continue;
    }
    if (trimmed.startsWith('^')) {
      if (section === 'account') {
        accountName = emptyToNull(record.get('N'));
        accountType = emptyToNull(record.get('T'));
        accountKey = accountName ? `qif:${accountName}` : 'file';
      } else if (section === 'cash' && record.size > 0) {
        if (!announced.has(accountKey)) {
          announced.add(accountKey);
          yield { kind: 'account', account: accountFor(accountKey, { name: accountName, accountType }) };
        }
        const payee = emptyToNull(record.get('P'));
        const memo = emptyToNull(record.get('M'));
        yield {
          kind: 'row',
          row: {
            line: recordLine,
            accountKey,
            status: 'booked',
            date: record.get('D') ?? '',
            valueDate: null,
            amount: { kind: 'text', text: record.get('T') ?? record.get('U') ?? '', sign: 1 },
            currency: null,
            description: describeRow({ payee, memo }),
            payee,
            memo,
            fileTransactionId: null,
          },
        };
      }
      record = new Map();
      continue;
    }
    if (record.size === 0) recordLine = line;
    const code = trimmed.charAt(0);
    // Split lines (S, E, $) repeat per split: only the record's own fields are kept, the first of each.
    if (!record.has(code)) record.set(code, trimmed.slice(1));
  }
}
