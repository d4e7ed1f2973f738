import { attempt } from './api.server';
import type { ApiCaller } from './load-context';

const done: Record<string, string> = {
  start: 'Started: the import runs in the background.',
  pause: 'Pausing: the import stops at its next checkpoint and keeps everything so far.',
  resume: 'Resumed: the import continues where it stopped.',
  cancel: 'Cancelled. Transactions already imported are kept.',
  delete: 'The import was deleted from history. Its transactions are kept.',
  discard: 'The planned import was discarded. It had not imported anything.',
};

/** Start / pause / resume / cancel / delete posted from a form as `intent` + `jobId`. */
export async function runJobAction(api: ApiCaller, form: FormData) {
  const intent = String(form.get('intent') ?? '');
  const jobId = String(form.get('jobId') ?? '');
  const calls: Record<string, () => Promise<unknown>> = {
    start: () => api.importStart({ jobId }),
    pause: () => api.importPause({ jobId }),
    resume: () => api.importResume({ jobId }),
    cancel: () => api.importCancel({ jobId }),
    delete: () => api.importDelete({ jobId }),
    discard: () => api.importDelete({ jobId }),
  };
  const call = calls[intent];
  if (!call) throw new Response('Unknown action.', { status: 400 });
  const result = await attempt(call);
  return result.ok
    ? { ok: true as const, intent, jobId, message: done[intent] ?? 'Done.' }
    : { ok: false as const, intent, jobId, message: result.message };
}
