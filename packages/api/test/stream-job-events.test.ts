import { listEventsSince, type ProgressPort } from '@app/importer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { streamJobEvents } from '../src/imports/stream-job-events';
import { createApiHarness, daysAgo, type ApiHarness } from './api-harness';

type Caller = Awaited<ReturnType<ApiHarness['callerFor']>>;

async function seqsOf(events: AsyncIterable<{ seq: number }>) {
  const seqs: number[] = [];
  for await (const event of events) seqs.push(event.seq);
  return seqs;
}

describe('the event stream of a job', () => {
  let h: ApiHarness;
  let api: Caller;
  let connectionId: string;
  beforeAll(async () => {
    h = await createApiHarness();
    ({ api } = await h.signUp('stream@example.test'));
    connectionId = (await h.connectBank(api)).id;
  });
  afterAll(async () => h?.close());

  test('reads back from the journal what the live port dropped, the last event included', async () => {
    const real = h.services.progress;
    const lossy: ProgressPort = {
      publish: (event) => real.publish(event),
      subscribe: (jobId, listener) =>
        real.subscribe(jobId, (event) => (event.seq % 3 === 0 ? undefined : listener(event))),
    };
    const { jobId } = await api.importPlan({
      connectionId,
      fromDate: daysAgo(60),
      toDate: daysAgo(0),
      batchSize: 10,
    });
    const received = seqsOf(
      streamJobEvents(
        { db: h.db, progress: lossy },
        { jobId, afterSeq: 0, signal: new AbortController().signal, idlePollMs: 50 },
      ),
    );
    await api.importStart({ jobId });
    const seqs = await received;
    expect(seqs).toEqual((await listEventsSince(h.db, jobId, 0)).map((_, i) => i + 1));
  });

  test('ends and stops listening when its signal aborts', async () => {
    let listening = 0;
    const counting: ProgressPort = {
      publish: (event) => h.services.progress.publish(event),
      subscribe: (jobId, listener) => {
        listening += 1;
        const unsubscribe = h.services.progress.subscribe(jobId, listener);
        return () => {
          listening -= 1;
          unsubscribe();
        };
      },
    };
    const { jobId } = await api.importPlan({ connectionId, fromDate: daysAgo(5), toDate: daysAgo(0) });
    const controller = new AbortController();
    const received = seqsOf(
      streamJobEvents({ db: h.db, progress: counting }, { jobId, afterSeq: 0, signal: controller.signal }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(listening).toBe(1);
    controller.abort();
    expect(await received).toEqual([]);
    expect(listening).toBe(0);
  });
});
