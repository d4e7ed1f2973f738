import type { ActionFunctionArgs } from '@remix-run/node';
import { attempt, withApi } from './api.server';

const scopes = ['future', 'past_and_future'] as const;

/** The Transactions page's correction: becomes the person's rule for the merchant (corrections.apply). */
export async function correctCategoryAction({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get('intent') !== 'correct-category') throw new Response('Unknown action.', { status: 400 });
  const scope = scopes.find((s) => s === form.get('scope')) ?? 'future';
  const merchantName = String(form.get('merchantName') ?? '').trim();
  return withApi(request, context, async (api) => {
    const result = await attempt(() =>
      api.corrections.apply({
        transactionId: String(form.get('transactionId') ?? ''),
        // Checked by the API against the category list; a wrong one is answered as a bad request.
        category: String(form.get('category') ?? '') as 'Other',
        merchantName: merchantName === '' ? null : merchantName,
        scope,
      }),
    );
    return result.ok
      ? { ok: true as const, message: `Saved as your rule: ${result.value.updated} transaction(s) changed.` }
      : { ok: false as const, message: result.message };
  });
}
