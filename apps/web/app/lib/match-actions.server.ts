import { attempt } from './api.server';
import type { ApiCaller } from './load-context';

const done: Record<string, string> = {
  'undo-match': 'Merge undone: both records are back, the booked one and the pending one as it was.',
  'keep-both': 'Kept apart: the pending record is back beside the booked one.',
  merge: 'Merged: the booked record stays and keeps the pending one’s category.',
};

export const matchIntents = new Set(Object.keys(done));

/** Undo a merge, or answer a look-alike pair, posted as `intent` + `decisionId`. */
export async function runMatchAction(api: ApiCaller, form: FormData) {
  const intent = String(form.get('intent') ?? '');
  const decisionId = String(form.get('decisionId') ?? '');
  const result = await attempt(async () => {
    if (intent === 'undo-match') await api.matches.undo({ decisionId });
    else await api.matches.resolve({ decisionId, choice: intent === 'merge' ? 'merge' : 'keep_both' });
  });
  return result.ok
    ? { ok: true as const, intent, message: done[intent] ?? 'Done.' }
    : { ok: false as const, intent, message: result.message };
}
