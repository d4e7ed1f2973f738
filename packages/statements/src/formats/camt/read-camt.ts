import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { StatementSyntaxError } from '../../errors';
import type { StatementOptions } from '../../statement-facts';
import type { Balance, RowStatus, StatementBalance } from '../../statement-schema';
import { readWholeText } from '../../text/decode-source';
import { currencyDigits } from '../../values/currency-digits';
import { readAmount } from '../../values/read-raw-values';
import { accountFor, emptyToNull, normaliseSpaces, type ReadEvent } from '../raw-row';
import { createLineIndex } from './line-index';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  captureMetaData: true,
  isArray: (name) => ['Stmt', 'Rpt', 'Ntry', 'Bal', 'TxDtls', 'Ustrd'].includes(name),
});

/**
 * Reads ISO 20022 bank-to-customer statements (camt.053) and account reports (camt.052, the same entries
 * intraday). Booked and pending entries are kept apart (`Sts` BOOK / PDNG) so a pending row can later be matched
 * to its booking; information-only entries are skipped. Each statement's opening + booked entries is checked
 * against its closing balance.
 */
export async function* readCamt(
  chunks: AsyncIterable<string>,
  _options: StatementOptions,
): AsyncGenerator<ReadEvent> {
  const text = await readWholeText(chunks);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new StatementSyntaxError(valid.err.msg, valid.err.line);
  const lineAt = createLineIndex(text);
  const document = node(parser.parse(text) as Node, 'Document');
  const message = node(document, 'BkToCstmrStmt') ?? node(document, 'BkToCstmrAcctRpt');
  if (!message)
    throw new StatementSyntaxError('The file is neither a camt.053 statement nor a camt.052 report.', null);
  for (const statement of [...list(message, 'Stmt'), ...list(message, 'Rpt')]) {
    const account = node(statement, 'Acct');
    const iban = textOf(account, 'Id', 'IBAN');
    const accountNumber = iban ?? textOf(account, 'Id', 'Othr', 'Id');
    const currency = textOf(account, 'Ccy');
    const key = `camt:${accountNumber ?? ''}`;
    yield {
      kind: 'account',
      account: accountFor(key, {
        iban,
        accountNumber,
        bankId:
          textOf(account, 'Svcr', 'FinInstnId', 'BIC') ?? textOf(account, 'Svcr', 'FinInstnId', 'BICFI'),
        accountType: textOf(account, 'Tp', 'Cd'),
        currency,
        name: textOf(account, 'Nm') ?? textOf(account, 'Ownr', 'Nm'),
      }),
    };
    let movements = 0;
    let movementsReadable = true;
    for (const entry of list(statement, 'Ntry')) {
      const status = statusOf(entry);
      if (!status) continue;
      const line = lineAt(entry);
      const amount = node(entry, 'Amt');
      const entryCurrency = textOf(amount, '@Ccy') ?? currency;
      const debit = textOf(entry, 'CdtDbtInd') === 'DBIT';
      const raw = {
        kind: 'text' as const,
        text: textOf(entry, 'Amt') ?? '',
        sign: debit ? (-1 as const) : (1 as const),
      };
      if (status === 'booked' && entryCurrency) {
        const value = readAmount(raw, '.', currencyDigits(entryCurrency, line));
        if (value.ok) movements += value.value;
        else movementsReadable = false;
      }
      const details = list(node(entry, 'NtryDtls'), 'TxDtls')[0];
      const party = node(node(details, 'RltdPties'), debit ? 'Cdtr' : 'Dbtr');
      const payee = emptyToNull(textOf(party, 'Nm') ?? textOf(party, 'Pty', 'Nm'));
      const remittance = emptyToNull(
        list(node(details, 'RmtInf'), 'Ustrd')
          .map((part) => String(part))
          .join(' '),
      );
      const additional = emptyToNull(textOf(entry, 'AddtlNtryInf'));
      const endToEnd = textOf(details, 'Refs', 'EndToEndId');
      yield {
        kind: 'row',
        row: {
          line,
          accountKey: key,
          status,
          date: dateOf(node(entry, 'BookgDt')) ?? '',
          valueDate: dateOf(node(entry, 'ValDt')),
          amount: raw,
          currency: entryCurrency,
          description: normaliseSpaces(remittance ?? additional ?? payee ?? ''),
          payee,
          memo: remittance ? additional : null,
          fileTransactionId:
            textOf(entry, 'AcctSvcrRef') ??
            (endToEnd && endToEnd !== 'NOTPROVIDED' ? endToEnd : null) ??
            textOf(details, 'Refs', 'AcctSvcrRef'),
        },
      };
    }
    const balance = balanceCheck(statement, key, lineAt(statement), movements, movementsReadable);
    if (balance) yield { kind: 'balance', balance };
  }
}

function statusOf(entry: Node): RowStatus | null {
  const status = textOf(entry, 'Sts') ?? textOf(entry, 'Sts', 'Cd');
  if (status === 'BOOK') return 'booked';
  if (status === 'PDNG') return 'pending';
  return null;
}

function balanceCheck(
  statement: Node,
  accountKey: string,
  line: number,
  movementsMinor: number,
  movementsReadable: boolean,
): StatementBalance | null {
  const balances = list(statement, 'Bal');
  const find = (codes: string[]) =>
    balances.find((balance) => codes.includes(textOf(balance, 'Tp', 'CdOrPrtry', 'Cd') ?? ''));
  const opening = balanceOf(find(['OPBD', 'PRCD']));
  const closing = balanceOf(find(['CLBD']));
  if (!opening && !closing) return null;
  return {
    accountKey,
    statementId: textOf(statement, 'Id'),
    line,
    opening,
    closing,
    movementsMinor,
    balanced:
      opening && closing && movementsReadable
        ? opening.amountMinor + movementsMinor === closing.amountMinor
        : null,
  };
}

function balanceOf(balance: Node | undefined): Balance | null {
  const currency = textOf(balance, 'Amt', '@Ccy');
  if (!balance || !currency) return null;
  const sign = textOf(balance, 'CdtDbtInd') === 'DBIT' ? -1 : 1;
  const value = readAmount(
    { kind: 'text', text: textOf(balance, 'Amt') ?? '', sign },
    '.',
    currencyDigits(currency),
  );
  return value.ok ? { date: dateOf(node(balance, 'Dt')), amountMinor: value.value, currency } : null;
}

/** `<Dt>` as written, or the date part of `<DtTm>` as written (never converted through a time zone). */
function dateOf(container: Node | undefined): string | null {
  return textOf(container, 'Dt') ?? textOf(container, 'DtTm')?.slice(0, 10) ?? null;
}

function node(parent: unknown, name: string): Node | undefined {
  if (!parent || typeof parent !== 'object') return undefined;
  const value = (parent as Node)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' ? (first as Node) : undefined;
}

function list(parent: unknown, name: string): Node[] {
  if (!parent || typeof parent !== 'object') return [];
  const value = (parent as Node)[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}

/** The text at a path; an element with attributes keeps its text in `#text`. */
function textOf(parent: unknown, ...path: string[]): string | null {
  let current: unknown = parent;
  for (const name of path) {
    if (!current || typeof current !== 'object') return null;
    const value = (current as Node)[name];
    current = Array.isArray(value) ? value[0] : value;
  }
  if (current && typeof current === 'object') current = (current as Node)['#text'];
  return typeof current === 'string' && current.trim() !== '' ? current.trim() : null;
}
