import type { Db } from '@app/db';
import { isTerminal, listEventsSince, type ProgressEvent, type ProgressPort } from '@app/importer';
import { createLiveQueue } from './live-queue';

/** After this long without a live event the journal is read, in case the port lost the last ones. */
const defaultIdlePollMs = 10_000;

/**
 * Every event of a job after `afterSeq`, in order, without gaps or repeats, ending after `finished` (or at once
 * when the job had already ended). Live events are buffered from before the backlog is read; anything the live
 * stream skips or loses (pub/sub across replicas may drop or reorder) is read back from the journal, on a gap
 * or after a quiet spell.
 */
export async function* streamJobEvents(
  deps: { db: Db; progress: ProgressPort },
  input: { jobId: string; afterSeq: number; signal: AbortSignal; idlePollMs?: number },
): AsyncGenerator<ProgressEvent> {
  const { db, progress } = deps;
  const { jobId, signal } = input;
  const live = createLiveQueue<ProgressEvent>(signal);
  const unsubscribe = progress.subscribe(jobId, live.push); // listen before reading the backlog: no gap between them
  try {
    let last = input.afterSeq;
    // Status before backlog: a job that is over has its `finished` event committed with that status, so it is
    // in the backlog read after; reading them the other way round could miss it.
    const job = await db.importJob.findUnique({ where: { id: jobId }, select: { status: true } });
    for (const event of await listEventsSince(db, jobId, last)) {
      last = event.seq;
      yield event;
      if (event.kind === 'finished') return;
    }
    if (!job || isTerminal(job.status)) return;

    for (;;) {
      const next = await live.next(input.idlePollMs ?? defaultIdlePollMs);
      if (next === 'aborted') return;
      if (next !== 'idle' && next.seq <= last) continue; // already sent from the backlog
      const batch =
        next !== 'idle' && next.seq === last + 1 ? [next] : await listEventsSince(db, jobId, last);
      for (const event of batch) {
        last = event.seq;
        yield event;
        if (event.kind === 'finished') return;
      }
    }
  } finally {
    unsubscribe();
    live.close();
  }
}
