import type { Category } from './categories';
import { describePayment, type DescribedPayment } from './describe-payment';
import {
  cashRules,
  housingRules,
  incomeRules,
  keywordRules,
  matchKeywordRule,
  weakKeywordRules,
} from './keyword-rules';
import { merchantTable } from './merchant-table';
import { merchantNameFromMatch } from './merchant-name';
import { normaliseForMatching } from './normalise-text';
import type { EnrichmentInput, EnrichmentProvider, EnrichmentResult } from './provider';
import { categoriseByTrueLayer } from './truelayer-rules';

/**
 * Deterministic and free. The description is first stripped of what banks add around the payee
 * (describe-payment.ts); then, first answer wins: cash, earnings, housing words, the merchant table, generic
 * keywords, the bank's own categories, what the payment kind implies, weak shop words, and finally who is
 * paying whom. Measured on bench/eval (README: "Enrichment quality").
 */
export function createRulesProvider(): EnrichmentProvider {
  return {
    name: 'rules',
    model: null,
    async enrich(items) {
      return { results: items.map(categoriseByRules), tokensIn: 0, tokensOut: 0 };
    },
  };
}

export function categoriseByRules(input: EnrichmentInput): EnrichmentResult {
  const described = describePayment(input.description);
  const { text } = described;
  const direction = input.direction;
  const result = (category: Category, merchantName: string | null = null): EnrichmentResult => ({
    id: input.id,
    category,
    merchantName,
  });

  if (described.kind === 'cash' && !described.refund) return result('Cash');
  const early =
    matchKeywordRule(cashRules, text, direction) ??
    matchKeywordRule(incomeRules, text, direction) ??
    matchKeywordRule(housingRules, text, direction);
  if (early) return result(early);

  const texts = [text, normaliseForMatching(input.merchantName ?? '')].filter((t) => t !== '');
  for (const rule of merchantTable) {
    const matched = texts.map((t) => t.match(rule.pattern)?.[0]).find((m) => m !== undefined);
    if (matched !== undefined) return result(rule.category, rule.merchant ?? merchantNameFromMatch(matched));
  }

  // A transfer's reference is the sender's note ("REF PIZZA"), not the payee: generic words are read before it.
  const transfer = ['transfer-in', 'transfer-out', 'standing-order'].includes(described.kind ?? '');
  const payee = transfer ? text.replace(/\b(REF|REFERENCE)\b.*$/, '').trim() : text;
  const category =
    matchKeywordRule(keywordRules, payee, direction) ??
    categoriseByTrueLayer(input) ??
    categoriseByKind(described, input) ??
    matchKeywordRule(weakKeywordRules, payee, direction) ??
    categoriseByCounterparty(described, input);
  return result(category);
}

/** What the way of paying says when nothing named the payee. */
function categoriseByKind(described: DescribedPayment, input: EnrichmentInput): Category | null {
  switch (described.kind) {
    case 'direct-debit':
      // A direct debit nobody recognised is still almost always a bill.
      return input.direction === 'DEBIT' ? 'Bills & utilities' : null;
    case 'standing-order':
    case 'transfer-out':
      return 'Transfers';
    case 'transfer-in':
      return looksLikeCompany(described.text) ? 'Income' : 'Transfers';
    case 'credit':
      // BACS / bank giro credits are how employers and pensions pay.
      return input.direction === 'CREDIT' ? 'Income' : null;
    default:
      return null;
  }
}

/**
 * The last guess. Money in from an unknown payer is most often a person paying back (a company: earnings);
 * money out to what looks like a person ("J SMITH", "MRS A JONES") is a transfer unless the bank said it was
 * a card purchase; a small merchant behind a card terminal company (SumUp, Square, Zettle) is most often a
 * café or a stall.
 */
function categoriseByCounterparty(described: DescribedPayment, input: EnrichmentInput): Category {
  if (described.refund) return 'Other';
  if (input.direction === 'CREDIT') return looksLikeCompany(described.text) ? 'Income' : 'Transfers';
  if (described.viaFacilitator) return 'Eating out';
  const cardPurchase = described.kind === 'card' || input.providerCategory === 'PURCHASE';
  if (!cardPurchase && looksLikePerson(described.text)) return 'Transfers';
  return 'Other';
}

function looksLikeCompany(text: string): boolean {
  return /\b(LTD|LIMITED|PLC|LLP|INC|GMBH|CORP|GROUP|UK)\b/.test(text);
}

function looksLikePerson(text: string): boolean {
  const name = text.replace(/\b(REF|REFERENCE)\b.*$/, '').trim();
  return (
    /^(MR|MRS|MS|MISS|DR|MX|MASTER)\b/.test(name) ||
    /^[A-Z]{1,2} [A-Z][A-Z'-]+( [A-Z][A-Z'-]+)?$/.test(name) || // "J SMITH", "AB JONES"
    /^[A-Z][A-Z'-]+ [A-Z] [A-Z][A-Z'-]+$/.test(name) || // "JOHN A SMITH"
    /^(MUM|DAD|MOM|NAN|NANA|GRANDMA|GRANDAD|SIS|BRO)\b/.test(name)
  );
}
