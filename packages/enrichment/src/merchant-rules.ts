import type { Db } from '@app/db';
import { CategorySchema, type Category } from './categories';
import { describePayment } from './describe-payment';
import { enrichmentInputSelect, toEnrichmentInput } from './job-scope';
import { normaliseForCache } from './normalise-text';
import type { EnrichmentInput } from './provider';
import { categoriseByRules } from './rules-provider';

/** What a transaction categorised by a person's own rule says it was categorised by. */
export const userRuleMarker = 'user-rule';

/**
 * The merchant a correction is about, read from the description alone (the stored merchant name is what
 * enrichment and corrections rewrite): the brand the rules know ("TESCO STORES 2231" and "TESCO EXPRESS 4410"
 * are one), else the description without prefixes, numbers and punctuation.
 */
export function merchantKeyOf(input: EnrichmentInput): string {
  const known = categoriseByRules({ ...input, merchantName: null }).merchantName;
  if (known) return `m:${normaliseForCache(known)}`;
  return `d:${normaliseForCache(describePayment(input.description).text)}`;
}

export class CorrectionNotFoundError extends Error {
  readonly code = 'TRANSACTIONS_NOT_FOUND';
  override readonly name = 'CorrectionNotFoundError';
}

/**
 * A person's correction of one transaction: it becomes their rule for the merchant, applied to this row, to the
 * merchant's earlier rows when `scope` is `past_and_future`, and (by applyMerchantRules) to every later import.
 */
export async function correctTransaction(
  db: Db,
  input: {
    userId: string;
    transactionId: string;
    category: Category;
    merchantName?: string | null;
    scope: 'future' | 'past_and_future';
  },
): Promise<{ merchantKey: string; updated: number }> {
  const category = CategorySchema.parse(input.category);
  const row = await db.transaction.findFirst({
    where: { id: input.transactionId, account: { connection: { userId: input.userId } } },
    select: enrichmentInputSelect,
  });
  if (!row) throw new CorrectionNotFoundError('Transaction not found');
  const merchantKey = merchantKeyOf(toEnrichmentInput(row));
  const merchantName = input.merchantName?.trim() || null;
  await db.merchantRule.upsert({
    where: { userId_merchantKey: { userId: input.userId, merchantKey } },
    create: { userId: input.userId, merchantKey, category, merchantName },
    update: { category, merchantName },
  });
  const data = {
    category,
    ...(merchantName ? { merchantName } : {}),
    enrichedAt: new Date(),
    enrichedBy: userRuleMarker,
  };
  let ids = [input.transactionId];
  if (input.scope === 'past_and_future') {
    const owned = await db.transaction.findMany({
      where: { account: { connection: { userId: input.userId } } },
      select: enrichmentInputSelect,
    });
    ids = owned.filter((t) => merchantKeyOf(toEnrichmentInput(t)) === merchantKey).map((t) => t.id);
  }
  const { count } = await db.transaction.updateMany({ where: { id: { in: ids } }, data });
  return { merchantKey, updated: count };
}

/**
 * Before any provider runs: the import's rows whose merchant the person has ruled get the rule's category, so no
 * model is ever asked about them. Returns how many rows a rule categorised.
 */
export async function applyMerchantRules(
  db: Db,
  input: { userId: string; importJobId: string },
): Promise<number> {
  const rules = await db.merchantRule.findMany({ where: { userId: input.userId } });
  if (rules.length === 0) return 0;
  const byKey = new Map(rules.map((r) => [r.merchantKey, r]));
  const pending = await db.transaction.findMany({
    where: {
      importJobId: input.importJobId,
      enrichedAt: null,
      account: { connection: { userId: input.userId } },
    },
    select: enrichmentInputSelect,
  });
  let applied = 0;
  const enrichedAt = new Date();
  for (const row of pending) {
    const rule = byKey.get(merchantKeyOf(toEnrichmentInput(row)));
    if (!rule) continue;
    const { count } = await db.transaction.updateMany({
      where: { id: row.id, enrichedAt: null },
      data: {
        category: rule.category,
        ...(rule.merchantName ? { merchantName: rule.merchantName } : {}),
        enrichedAt,
        enrichedBy: userRuleMarker,
      },
    });
    applied += count;
  }
  return applied;
}
