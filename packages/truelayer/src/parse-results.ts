import type { z } from 'zod';
import { TrueLayerError } from './errors';
import { ResultsEnvelopeSchema } from './response-schemas';

export type Parsed<T> = { item: T; raw: unknown };

/**
 * Parses the `{ results: [...] }` envelope and every item. One bad item fails the whole response:
 * silently dropping a transaction would corrupt the import. Zod's messages name the field, not its value.
 */
export function parseResults<S extends z.ZodType>(
  label: string,
  json: unknown,
  schema: S,
): Parsed<z.output<S>>[] {
  const envelope = ResultsEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw malformed(label, 'it has no "results" list');
  return envelope.data.results.map((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = ['results', index, ...(issue?.path ?? [])].map(String).join('.');
      throw malformed(label, `${where}: ${issue?.message ?? 'unexpected shape'}`);
    }
    return { item: parsed.data, raw };
  });
}

/** Single-item endpoints (/me, /balance) still answer a one-element `results` array. */
export function parseFirstResult<S extends z.ZodType>(
  label: string,
  json: unknown,
  schema: S,
): Parsed<z.output<S>> {
  const [first] = parseResults(label, json, schema);
  if (!first) throw malformed(label, 'its "results" list is empty');
  return first;
}

/** Parses a bare object response (token endpoints). */
export function parseObject<S extends z.ZodType>(label: string, json: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw malformed(
      label,
      `${(issue?.path ?? []).map(String).join('.') || 'body'}: ${issue?.message ?? 'unexpected shape'}`,
    );
  }
  return parsed.data;
}

/** The error for a response we cannot read; `detail` names the field (`results.3.amount: ...`). */
export function malformed(label: string, detail: string): TrueLayerError {
  return new TrueLayerError(
    'MALFORMED_RESPONSE',
    `TrueLayer sent a response we cannot read (${detail}). [${label}]`,
  );
}
