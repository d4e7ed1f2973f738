import { hashParts } from '../prng';
import type { AccountSpec } from './account-specs';
import type { Direction, ItemTemplate, TransactionCategory } from './item-template';

/** Which provider ids an item carries: most have both, some only the provider's, a few none. */
export type Identity = 'full' | 'provider' | 'none';

/** How the timestamp is written; `local` is a clock time in UK local time (+01:00 in summer). */
export type TimeStyle = 'midnight' | 'fraction' | 'offset' | 'local';

/** An item before its ids and sign are fixed. */
export type ItemDraft = {
  /** Unique within the account and day; ids are derived from it. */
  key: string;
  template: ItemTemplate;
  magnitudePence: number;
  /** 1 when the booked item lands a day after the pending one. */
  lagDays: 0 | 1;
  identity: Identity;
  timeStyle: TimeStyle;
  localTime: string;
  showMerchant: boolean;
  showClassification: boolean;
  reference: string | null;
};

/** One transaction as the bank holds it; its status and `transaction_id` are decided when it is served. */
export type GeneratedItem = {
  /** The calendar date the item happened (its pending date). */
  date: string;
  lagDays: 0 | 1;
  /**
   * Signed as the API sends it, from the holder's point of view for accounts and cards alike: money out negative.
   * TrueLayer's own card fixture (truelayer-client-javascript, cardTransactionsResponse) signs card spending
   * negative; this sandbox used to sign it positive.
   */
  amountPence: number;
  direction: Direction;
  description: string;
  merchantName: string | null;
  category: TransactionCategory;
  classification: readonly string[];
  providerCategory: string;
  reference: string | null;
  normalisedId: string | null;
  providerId: string | null;
  timeStyle: TimeStyle;
  localTime: string;
  /** Position among identical items of the same day, so two identical withdrawals get different ids. */
  ordinal: number;
};

function signAmount(_kind: AccountSpec['kind'], direction: Direction, magnitude: number): number {
  return direction === 'DEBIT' ? -magnitude : magnitude;
}

export function finishItem(spec: AccountSpec, date: string, draft: ItemDraft): GeneratedItem {
  const digest = hashParts('item', spec.accountId, date, draft.key);
  const { template } = draft;
  return {
    date,
    lagDays: draft.lagDays,
    amountPence: signAmount(spec.kind, template.direction, draft.magnitudePence),
    direction: template.direction,
    description: template.description,
    merchantName: draft.showMerchant ? template.merchantName : null,
    category: template.category,
    classification: draft.showClassification ? template.classification : [],
    providerCategory: template.providerCategory,
    reference: draft.reference,
    normalisedId: draft.identity === 'full' ? `txn-${digest.slice(0, 24)}` : null,
    providerId: draft.identity === 'none' ? null : digest.slice(24, 40).toUpperCase(),
    timeStyle: draft.timeStyle,
    localTime: draft.localTime,
    ordinal: 0,
  };
}

/** Numbers identical items of a day 0, 1, 2… in order. */
export function numberDuplicates(items: GeneratedItem[]): GeneratedItem[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = [item.description, item.amountPence, item.normalisedId, item.providerId, item.timeStyle].join(
      '|',
    );
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return ordinal === 0 ? item : { ...item, ordinal };
  });
}
