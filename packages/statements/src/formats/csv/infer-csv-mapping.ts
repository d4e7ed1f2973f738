import type { CsvAmountMapping, CsvMapping } from './csv-mapping';

// Header names banks use, normalised (lower case, letters and digits only), in order of preference.
const names = {
  date: [
    'date',
    'bookingdate',
    'transactiondate',
    'posteddate',
    'postingdate',
    'buchungstag',
    'buchungsdatum',
    'datum',
    'fecha',
    'data',
    'dateoperation',
    'datedoperation',
    'transaktionsdatum',
    'boekingsdatum',
    'completeddate',
    'starteddate',
  ],
  valueDate: ['valuedate', 'valuta', 'valutadatum', 'wertstellung', 'datevaleur', 'fechavalor', 'valutadate'],
  amount: [
    'amount',
    'betrag',
    'montant',
    'importe',
    'bedrag',
    'belopp',
    'importo',
    'transactionamount',
    'umsatz',
  ],
  debit: [
    'debit',
    'debitamount',
    'withdrawal',
    'withdrawals',
    'moneyout',
    'paidout',
    'soll',
    'ausgang',
    'debet',
    'afschrijving',
    'retrait',
  ],
  credit: [
    'credit',
    'creditamount',
    'deposit',
    'deposits',
    'moneyin',
    'paidin',
    'haben',
    'eingang',
    'bijschrijving',
    'depot',
  ],
  indicator: [
    'creditdebitindicator',
    'debitcreditindicator',
    'cdtdbtind',
    'dc',
    'cd',
    'sh',
    'sollhaben',
    'afbij',
  ],
  description: [
    'description',
    'details',
    'text',
    'buchungstext',
    'verwendungszweck',
    'narrative',
    'libelle',
    'concepto',
    'omschrijving',
    'transactiondescription',
    'mededelingen',
  ],
  payee: [
    'payee',
    'name',
    'payeename',
    'begunstigter',
    'begunstigterzahlungspflichtiger',
    'empfanger',
    'zahlungsempfanger',
    'counterparty',
    'merchant',
    'beneficiary',
    'naamomschrijving',
    'tegenpartij',
  ],
  memo: ['memo', 'notes', 'note', 'purpose', 'remarks'],
  reference: ['reference', 'transactionid', 'referenz', 'id', 'fitid', 'referencia'],
  currency: ['currency', 'waehrung', 'wahrung', 'devise', 'moneda', 'ccy', 'munt'],
};

const debitValues = ['D', 'DR', 'DBIT', 'S', 'Debit', 'Soll', 'Af'];
const creditValues = ['C', 'CR', 'CRDT', 'H', 'Credit', 'Haben', 'Bij'];

export function normaliseHeader(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Guesses a mapping from a header row by its column names; null when it has no date or no amount column. */
export function inferCsvMapping(header: string[], delimiter: CsvMapping['delimiter']): CsvMapping | null {
  const normalised = header.map((cell) => normaliseHeader(stripUnit(cell)));
  const used = new Set<number>();
  const find = (role: keyof typeof names): string | undefined => {
    for (const name of names[role]) {
      const index = normalised.findIndex((cell, position) => cell === name && !used.has(position));
      if (index >= 0) {
        used.add(index);
        return header[index];
      }
    }
    return undefined;
  };
  const date = find('date');
  const valueDate = find('valueDate');
  const amount = inferAmount(find);
  if (!date || !amount) return null;
  const columns: CsvMapping['columns'] = { date, amount };
  const optional = {
    valueDate,
    description: find('description'),
    payee: find('payee'),
    memo: find('memo'),
    reference: find('reference'),
    currency: find('currency'),
  };
  for (const [role, column] of Object.entries(optional)) {
    if (column !== undefined) Object.assign(columns, { [role]: column });
  }
  return { version: 1, delimiter, header: true, columns };
}

function inferAmount(find: (role: keyof typeof names) => string | undefined): CsvAmountMapping | null {
  const debit = find('debit');
  const credit = find('credit');
  if (debit && credit) return { kind: 'debit-credit', debit, credit };
  const amount = find('amount');
  if (!amount) return null;
  const indicator = find('indicator');
  if (indicator) return { kind: 'indicator', column: amount, indicator, debitValues, creditValues };
  return { kind: 'signed', column: amount, positiveIs: 'credit' };
}

/** "Amount (EUR)" and "Betrag in EUR" name the amount column. */
function stripUnit(cell: string): string {
  return cell.replace(/\(.*\)|\bin [A-Z]{3}\b|\b[A-Z]{3}$/g, '').trim() || cell;
}
