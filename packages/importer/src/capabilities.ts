import type { Db, Prisma } from '@app/db';
import { z } from 'zod';

/**
 * What a bank offers, learned from its own answers: a 501 endpoint_not_supported (or a 404 on /accounts from a
 * cards-only provider) means "this bank does not offer it", which is a fact about the bank, not a failure.
 * "unknown" until an answer says: we do not probe endpoints just to find out (each call counts against the bank's
 * PSD2 budget).
 */
export const SupportSchema = z.enum(['yes', 'no', 'unknown']);
export type Support = z.infer<typeof SupportSchema>;

export const CapabilitiesSchema = z.object({
  accounts: SupportSchema.default('unknown'),
  cards: SupportSchema.default('unknown'),
  /** Pending transactions (501 on `/transactions/pending`). */
  pending: SupportSchema.default('unknown'),
  /** Transaction history of an account or card (501 on `/transactions`). */
  transactions: SupportSchema.default('unknown'),
});
export type Capabilities = z.output<typeof CapabilitiesSchema>;

export type Capability = keyof Capabilities;

/** A stored value (older connections have none) read as capabilities, unknown where nothing was learned. */
export function readCapabilities(json: unknown): Capabilities {
  const parsed = CapabilitiesSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : CapabilitiesSchema.parse({});
}

/**
 * Records what an answer taught about the connection's bank. A "no" is only overwritten by a later "yes" (the bank
 * started offering it): an unknown never erases knowledge.
 */
export async function recordCapabilities(
  db: Db | Prisma.TransactionClient,
  connectionId: string,
  learned: Partial<Capabilities>,
): Promise<Capabilities> {
  const row = await db.bankConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { capabilities: true },
  });
  const current = readCapabilities(row.capabilities);
  const next = { ...current };
  for (const [key, value] of Object.entries(learned) as [Capability, Support | undefined][]) {
    if (value && value !== 'unknown') next[key] = value;
  }
  if (JSON.stringify(next) !== JSON.stringify(current))
    await db.bankConnection.update({ where: { id: connectionId }, data: { capabilities: next } });
  return next;
}
