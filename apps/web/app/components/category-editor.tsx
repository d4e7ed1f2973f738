import { Form, useNavigation } from '@remix-run/react';
import { categoryLabel } from '~/lib/category-label';

/** The categories a person can choose; the same list every provider answers with (packages/enrichment). */
const categories = [
  'Groceries',
  'Eating out',
  'Transport',
  'Shopping',
  'Bills & utilities',
  'Subscriptions',
  'Entertainment',
  'Health',
  'Travel',
  'Housing',
  'Income',
  'Transfers',
  'Cash',
  'Fees & charges',
  'Other',
] as const;

type Tx = {
  id: string;
  category: string | null;
  providerCategory: string;
  merchantName: string | null;
  enrichedBy?: string | null;
};

/** What categorised the row: the bank, the rules, the person's own rule, or the model by name. */
export function categorisedBy(enrichedBy: string | null | undefined): string {
  if (!enrichedBy || enrichedBy.startsWith('queued:')) return 'bank';
  if (enrichedBy === 'user-rule') return 'your rule';
  if (enrichedBy === 'rules') return 'rule';
  if (enrichedBy.startsWith('llm:')) return enrichedBy.slice('llm:'.length);
  return enrichedBy;
}

/**
 * A transaction's category with what set it, and a small form to correct it: the correction becomes the
 * person's rule for the merchant, for later imports and, if they say so, for earlier rows too.
 */
export function CategoryEditor({ tx }: { tx: Tx }) {
  const navigation = useNavigation();
  const saving = navigation.formData?.get('transactionId') === tx.id;
  return (
    <div className="category-editor">
      <span className="category-chip">{categoryLabel(tx.category ?? tx.providerCategory)}</span>{' '}
      <span className="muted small">by {categorisedBy(tx.enrichedBy)}</span>
      <details>
        <summary className="small">Change</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="correct-category" />
          <input type="hidden" name="transactionId" value={tx.id} />
          <label className="field">
            <span>Category</span>
            <select name="category" defaultValue={categories.find((c) => c === tx.category) ?? 'Other'}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Merchant name (optional)</span>
            <input type="text" name="merchantName" maxLength={80} defaultValue={tx.merchantName ?? ''} />
          </label>
          <fieldset className="field">
            <legend>Apply to this merchant’s</legend>
            <label className="radio">
              <input type="radio" name="scope" value="future" defaultChecked /> later imports only
            </label>
            <label className="radio">
              <input type="radio" name="scope" value="past_and_future" /> earlier transactions too
            </label>
          </fieldset>
          <button type="submit" className="button button-secondary" disabled={saving}>
            {saving ? 'Saving…' : 'Save as my rule'}
          </button>
        </Form>
      </details>
    </div>
  );
}
