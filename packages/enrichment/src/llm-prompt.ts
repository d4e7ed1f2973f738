import { categories } from './categories';
import type { EnrichmentInput } from './provider';

const systemPrompt = [
  'You categorise bank transactions for a personal spending app in the UK.',
  'Reply with one JSON object: {"results":[{"id":"<id>","category":"<category>","merchant":"<name or null>"}]}',
  'with exactly one entry per input id.',
  `category must be exactly one of: ${categories.join(', ')}.`,
  'merchant is the everyday brand name of the business ("Tesco", "Pret A Manger", "Netflix"),',
  'or null for transfers, salaries, cash and whenever you are unsure.',
  "amount is negative for money out. bankCategory and bankClassification are the bank's own hints and may be empty.",
].join('\n');

export type ChatMessage = { role: 'system' | 'user'; content: string };

/**
 * The model sees short positional ids ("1", "2", ...) instead of our cuids: fewer tokens, and nothing a model
 * could half-copy. The caller maps them back by position.
 */
export function buildChatMessages(items: EnrichmentInput[]): ChatMessage[] {
  const transactions = items.map((item, index) => ({
    id: String(index + 1),
    description: item.description,
    merchant: item.merchantName,
    amount: formatAmount(item.amountMinor, item.currency),
    bankCategory: item.providerCategory,
    bankClassification: item.providerClassification,
  }));
  return [
    { role: 'system', content: systemPrompt },
    { role: 'user', content: JSON.stringify({ transactions }) },
  ];
}

// Two decimals fit GBP and EUR, the currencies UK banks report; the model only needs the size and sign.
function formatAmount(amountMinor: number, currency: string): string {
  return `${(amountMinor / 100).toFixed(2)} ${currency}`;
}
