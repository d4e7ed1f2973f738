import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CategorySchema, type EnrichmentInput } from '@app/enrichment';
import { z } from 'zod';

export const defaultEvalFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../eval/enrichment-eval.tsv',
);

const EvalRowSchema = z.object({
  split: z.string().min(1),
  source: z.string().default(''),
  description: z.string().min(1),
  /** Pounds, negative for money out; a file without amounts may say `direction` (DEBIT/CREDIT, in/out) instead. */
  amount: z.coerce.number().refine(Number.isFinite, 'amount must be a number').optional(),
  direction: z
    .string()
    .transform((d) => d.toUpperCase())
    .pipe(z.enum(['DEBIT', 'CREDIT', 'OUT', 'IN', '']))
    .optional(),
  expected: CategorySchema,
});
export type EvalRow = z.infer<typeof EvalRowSchema>;

/**
 * The labelled set (bench/eval/README.md): tab-separated with a header naming at least description and expected;
 * amount (or direction), split and source are optional, so another team's file in the same shape can be evaluated as is.
 */
export function readEvalSet(file: string = defaultEvalFile): EvalRow[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const [header, ...body] = lines;
  if (!header) throw new Error(`${file}: empty`);
  const columns = header.split('\t').map((c) => c.trim().toLowerCase());
  return body.map((line, index) => {
    const cells = line.split('\t');
    const record = Object.fromEntries(
      columns.map((c, i) => [c, cells[i]?.trim() ?? '']).filter(([, v]) => v !== ''),
    );
    const parsed = EvalRowSchema.safeParse({ split: 'all', ...record });
    if (!parsed.success) throw new Error(`${file}:${index + 2}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** What a provider sees: only the description and the signed amount, no bank hints (statements rarely carry them). */
export function toEnrichmentInput(row: EvalRow, index: number): EnrichmentInput {
  const credit = row.direction === 'CREDIT' || row.direction === 'IN' || (row.amount ?? -1) > 0;
  const amountMinor = Math.round(Math.abs(row.amount ?? 10) * 100) * (credit ? 1 : -1);
  return {
    id: String(index),
    description: row.description,
    merchantName: null,
    amountMinor,
    currency: 'GBP',
    direction: credit ? 'CREDIT' : 'DEBIT',
    providerCategory: 'UNKNOWN',
    providerClassification: [],
  };
}

export type Scored = { row: EvalRow; got: string };
export type Accuracy = { correct: number; total: number; percent: number };

export function accuracy(scored: Scored[]): Accuracy {
  const correct = scored.filter((s) => s.got === s.row.expected).length;
  const total = scored.length;
  return { correct, total, percent: total === 0 ? 0 : (100 * correct) / total };
}

/** Accuracy per expected category (recall): how often a transaction of that kind is put where it belongs. */
export function accuracyByCategory(scored: Scored[]): Map<string, Accuracy> {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) groups.set(s.row.expected, [...(groups.get(s.row.expected) ?? []), s]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, accuracy(v)]));
}
