import type { ApiClient } from '@app/api/client';
import { UsageError } from '../errors';
import { createBarView } from './bar-view';
import { createLineView } from './line-view';
import type { ProgressView } from './status-event';
import { exitCodeFor, summariseJob } from './summarise-job';

type Output = { print(line: string): void; stdout: NodeJS.WriteStream };

/** Exit code when the person stops following with Ctrl-C (128 + SIGINT), as shells report it. */
const interruptedCode = 130;

/**
 * Resolves when the server ends the subscription (after the `finished` event) or on Ctrl-C. Dropped connections
 * are the client's business: wsLink reconnects and resends the last event id, so nothing is missed or repeated.
 */
function streamStatus(api: ApiClient, jobId: string, view: ProgressView): Promise<'ended' | 'interrupted'> {
  return new Promise((resolve, reject) => {
    function stopListening() {
      process.removeListener('SIGINT', interrupt);
    }
    function interrupt() {
      stopListening();
      subscription.unsubscribe();
      resolve('interrupted');
    }
    const subscription = api.importStatus.subscribe(
      { jobId },
      {
        onData: ({ data }) => view.show(data),
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting' && state.error) view.reconnecting(state.error.message);
        },
        onError: (error) => {
          stopListening();
          reject(error);
        },
        onComplete: () => {
          stopListening();
          resolve('ended');
        },
      },
    );
    process.once('SIGINT', interrupt);
  });
}

/** Shows a job's progress live until it ends, then its summary; answers the exit code. */
export async function followJob(api: ApiClient, jobId: string, out: Output): Promise<number> {
  const before = await api.importJob.query({ jobId });
  if (before.job.status === 'planned')
    throw new UsageError(`Import ${jobId} has not been started: run \`spending start ${jobId} --follow\`.`);
  const view = out.stdout.isTTY ? createBarView(before, out.stdout) : createLineView(out.print);
  let ended: 'ended' | 'interrupted';
  try {
    ended = await streamStatus(api, jobId, view);
  } finally {
    view.stop();
  }
  if (ended === 'interrupted') {
    out.print(`Stopped following; the import goes on. Follow it again with: spending follow ${jobId}`);
    return interruptedCode;
  }
  const after = await api.importJob.query({ jobId });
  for (const line of summariseJob(after)) out.print(line);
  return exitCodeFor(after.job.status);
}
