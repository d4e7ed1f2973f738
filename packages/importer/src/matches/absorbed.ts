import type { Prisma } from '@app/db';
import { z } from 'zod';
import { StoredSnapshotSchema, type TransactionSnapshot } from '../transaction-snapshot';

/** MatchDecision.kind and .state are text columns; these are their values. */
export const MatchKindSchema = z.enum(['pending_to_booked', 'ambiguous']);
export const MatchStateSchema = z.enum(['merged', 'review', 'undone', 'kept_both']);

/** What a merge changed on the record that survived, so undoing it can put that back. */
export const SurvivorBeforeSchema = z.object({
  category: z.string().nullable(),
  merchantName: z.string().nullable(),
  enrichedAt: z.coerce.date().nullable(),
  enrichedBy: z.string().nullable(),
});
export type SurvivorBefore = z.infer<typeof SurvivorBeforeSchema>;

/** MatchDecision.absorbed: the record the survivor absorbed, as it was. */
export const AbsorbedSchema = z.object({
  snapshot: StoredSnapshotSchema,
  survivorBefore: SurvivorBeforeSchema.nullish(),
});
export type Absorbed = z.infer<typeof AbsorbedSchema>;

/** As JSON for the column (dates become ISO strings, which the schema reads back). */
export function absorbedJson(value: {
  snapshot: TransactionSnapshot | Absorbed['snapshot'];
  survivorBefore?: SurvivorBefore | null;
}): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
