import type { StatementOptions } from '../../statement-facts';
import type { DecimalMark, StatementBalance } from '../../statement-schema';
import { readWholeText } from '../../text/decode-source';
import { currencyDigits } from '../../values/currency-digits';
import { readAmount } from '../../values/read-raw-values';
import { accountFor, describeRow, emptyToNull, type ReadEvent } from '../raw-row';
import { child, descendants, parseOfxTree, valueOf, type OfxElement } from './parse-ofx-tree';

// Transaction types whose sign the OFX spec fixes, to catch banks that write every amount positive.
const debitTypes = new Set([
  'DEBIT',
  'PAYMENT',
  'POS',
  'ATM',
  'FEE',
  'SRVCHG',
  'CHECK',
  'DIRECTDEBIT',
  'CASH',
]);
const creditTypes = new Set(['CREDIT', 'DEP', 'INT', 'DIV', 'DIRECTDEP']);

/** Reads OFX 1 (SGML) and OFX 2 (XML) bank and credit-card statements; a file may hold several accounts. */
export async function* readOfx(
  chunks: AsyncIterable<string>,
  options: StatementOptions,
): AsyncGenerator<ReadEvent> {
  const ofx = parseOfxTree(await readWholeText(chunks));
  const statements = [...descendants(ofx, 'STMTRS'), ...descendants(ofx, 'CCSTMTRS')].sort(
    (a, b) => a.line - b.line,
  );
  const transactions = statements.flatMap((statement) => descendants(statement, 'STMTTRN'));
  const inverted = isSignInverted(transactions);
  yield { kind: 'layout', signConvention: inverted ? 'signed-inverted' : 'signed' };
  for (const investment of descendants(ofx, 'INVSTMTRS')) {
    yield {
      kind: 'problem',
      problem: {
        line: investment.line,
        code: 'UNSUPPORTED_STATEMENT',
        message: 'investment statements are not read',
      },
    };
  }
  for (const statement of statements) {
    const from = child(statement, 'BANKACCTFROM') ?? child(statement, 'CCACCTFROM');
    const accountNumber = valueOf(from, 'ACCTID');
    const bankId = valueOf(from, 'BANKID');
    const branchId = valueOf(from, 'BRANCHID');
    const currency = valueOf(statement, 'CURDEF')?.toUpperCase() ?? null;
    const key = `ofx:${[bankId, branchId, accountNumber].map((part) => part ?? '').join('/')}`;
    yield {
      kind: 'account',
      account: accountFor(key, {
        accountNumber,
        bankId,
        branchId,
        iban: accountNumber && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(accountNumber) ? accountNumber : null,
        accountType: valueOf(from, 'ACCTTYPE') ?? (statement.name === 'CCSTMTRS' ? 'CREDITCARD' : null),
        currency,
      }),
    };
    const rows = descendants(statement, 'STMTTRN');
    for (const transaction of rows) {
      const name = valueOf(transaction, 'NAME') ?? valueOf(transaction, 'PAYEE', 'NAME');
      const memo = emptyToNull(valueOf(transaction, 'MEMO'));
      yield {
        kind: 'row',
        row: {
          line: transaction.line,
          accountKey: key,
          status: 'booked',
          date: valueOf(transaction, 'DTPOSTED') ?? '',
          valueDate: valueOf(transaction, 'DTAVAIL'),
          amount: { kind: 'text', text: valueOf(transaction, 'TRNAMT') ?? '', sign: inverted ? -1 : 1 },
          currency: null,
          description: describeRow({ payee: name, memo }),
          payee: emptyToNull(name),
          memo,
          fileTransactionId: valueOf(transaction, 'FITID'),
        },
      };
    }
    const balance = ledgerBalance(statement, rows, key, currency ?? options.currency ?? null, inverted);
    if (balance) yield { kind: 'balance', balance };
  }
}

/** Every typed row contradicts its type (debits positive, credits negative): the bank inverted the signs. */
function isSignInverted(transactions: OfxElement[]): boolean {
  let agree = 0;
  let contradict = 0;
  for (const transaction of transactions) {
    const type = valueOf(transaction, 'TRNTYPE')?.toUpperCase() ?? '';
    const negative = (valueOf(transaction, 'TRNAMT') ?? '').trim().startsWith('-');
    const expectsNegative = debitTypes.has(type) ? true : creditTypes.has(type) ? false : null;
    if (expectsNegative === null) continue;
    if (expectsNegative === negative) agree += 1;
    else contradict += 1;
  }
  return contradict > 0 && agree === 0;
}

/** OFX gives only the closing (ledger) balance, so it is shown but cannot be checked against an opening one. */
function ledgerBalance(
  statement: OfxElement,
  rows: OfxElement[],
  accountKey: string,
  currency: string | null,
  inverted: boolean,
): StatementBalance | null {
  const ledger = child(statement, 'LEDGERBAL');
  const amount = valueOf(ledger, 'BALAMT');
  if (!ledger || !amount || !currency) return null;
  const digits = currencyDigits(currency, ledger.line);
  const texts = [amount, ...rows.map((row) => valueOf(row, 'TRNAMT') ?? '')];
  const mark: DecimalMark = texts.every((text) => readAmount({ kind: 'text', text, sign: 1 }, '.', digits).ok)
    ? '.'
    : ',';
  const minor = (text: string) => {
    const result = readAmount({ kind: 'text', text, sign: 1 }, mark, digits);
    return result.ok ? result.value : 0;
  };
  const asOf = valueOf(ledger, 'DTASOF');
  return {
    accountKey,
    statementId: null,
    line: ledger.line,
    opening: null,
    closing: {
      date:
        asOf && /^\d{8}/.test(asOf) ? `${asOf.slice(0, 4)}-${asOf.slice(4, 6)}-${asOf.slice(6, 8)}` : null,
      amountMinor: minor(amount),
      currency,
    },
    movementsMinor: rows.reduce(
      (sum, row) => sum + minor(valueOf(row, 'TRNAMT') ?? '') * (inverted ? -1 : 1),
      0,
    ),
    balanced: null,
  };
}
