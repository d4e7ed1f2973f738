import type { StatementSource } from '../source';

const payees = [
  'REWE Markt',
  'Stadtwerke',
  'Deutsche Bahn',
  'Bäckerei Müller',
  'Amazon EU',
  'Miete Hausverwaltung',
];
const header = 'Buchungstag;Valuta;Empfänger;Verwendungszweck;Betrag\n';
const rowsPerDay = 40;
const linesPerChunk = 500;

/**
 * A German bank's CSV export of `rows` rows, produced on the fly and never held whole, for benchmarks and
 * memory tests: day-month dates in order, decimal commas with thousands points, and every 1000th row an
 * identical second payment on the same day. The same `rows` always gives the same bytes.
 */
export function createGeneratedCsvSource(rows: number): StatementSource {
  let size = 0;
  for (const chunk of generateChunks(rows)) size += Buffer.byteLength(chunk);
  return {
    name: `generated-${rows}.csv`,
    size,
    async *open() {
      for (const chunk of generateChunks(rows)) yield Buffer.from(chunk);
    },
  };
}

function* generateChunks(rows: number): Generator<string> {
  let lines = header;
  let previous = '';
  for (let index = 0; index < rows; index += 1) {
    const line = index > 0 && index % 1000 === 0 ? previous : rowLine(index);
    lines += line;
    previous = line;
    if ((index + 1) % linesPerChunk === 0) {
      yield lines;
      lines = '';
    }
  }
  if (lines) yield lines;
}

function rowLine(index: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(index / rowsPerDay) * 86_400_000);
  const date = `${pad(day.getUTCDate())}.${pad(day.getUTCMonth() + 1)}.${day.getUTCFullYear()}`;
  // a fixed-seed spread of amounts between -2,500.00 and +3,000.00, most of them small debits
  const cents = ((index * 7919) % 550_000) - 250_000;
  return `${date};${date};${payees[index % payees.length]};Rechnung ${index};${formatAmount(cents)}\n`;
}

function formatAmount(cents: number): string {
  const magnitude = Math.abs(cents);
  const units = String(Math.floor(magnitude / 100)).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${cents < 0 ? '-' : ''}${units},${pad(magnitude % 100)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
