import type { Prisma } from '@app/db';
import { z } from 'zod';

/** Everything needed to put a transaction back as it was (a match's absorbed record, restored on undo). */
export const snapshotSelect = {
  id: true,
  dedupKey: true,
  dedupRule: true,
  providerTransactionId: true,
  normalisedProviderId: true,
  providerId: true,
  status: true,
  bookingDate: true,
  bankTimestamp: true,
  amountMinor: true,
  currency: true,
  direction: true,
  description: true,
  merchantName: true,
  payee: true,
  directionRule: true,
  providerMeta: true,
  providerCategory: true,
  providerClassification: true,
  category: true,
  enrichedAt: true,
  enrichedBy: true,
  raw: true,
  importJobId: true,
} satisfies Prisma.TransactionSelect;
export type TransactionSnapshot = Prisma.TransactionGetPayload<{ select: typeof snapshotSelect }>;

/** A snapshot as read back from JSON (MatchDecision.absorbed): dates arrive as strings. */
export const StoredSnapshotSchema = z.object({
  id: z.string(),
  dedupKey: z.string(),
  dedupRule: z.string(),
  providerTransactionId: z.string(),
  normalisedProviderId: z.string().nullable(),
  providerId: z.string().nullable(),
  status: z.enum(['booked', 'pending']),
  bookingDate: z.string(),
  bankTimestamp: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  direction: z.string(),
  description: z.string(),
  merchantName: z.string().nullable(),
  // Snapshots written before issue #16 lack these three.
  payee: z.string().nullable().default(null),
  directionRule: z.string().default('transaction_type'),
  providerMeta: z.json().nullable().default(null),
  providerCategory: z.string(),
  providerClassification: z.json(),
  category: z.string().nullable(),
  enrichedAt: z.coerce.date().nullable(),
  enrichedBy: z.string().nullable(),
  raw: z.json(),
  importJobId: z.string().nullable(),
});
export type StoredSnapshot = z.infer<typeof StoredSnapshotSchema>;

/** The row a snapshot becomes again, under a new identity so it never collides with the record that absorbed it. */
export function restoredRow(snapshot: StoredSnapshot, accountId: string, dedupKey: string) {
  const {
    id: _oldId,
    dedupKey: _oldKey,
    dedupRule: _oldRule,
    providerClassification,
    providerMeta,
    raw,
    ...fields
  } = snapshot;
  return {
    ...fields,
    accountId,
    dedupKey,
    // Undone matches stay as the person left them: the stale-pending sweep does not remove them.
    dedupRule: 'undone',
    providerClassification: providerClassification ?? [],
    // Left out when null: the column defaults to SQL NULL on both databases.
    ...(providerMeta === null ? {} : { providerMeta }),
    raw: raw ?? {},
  };
}
