import type { ApiClient } from '@app/api/client';
import type { ProgressEvent } from '@app/importer';

export type Followed = { ids: number[]; events: ProgressEvent[] };

/**
 * Follows a job's importStatus subscription until the server completes it (after `finished`). `onEvent` sees
 * each event as it arrives (tests use it to break the connection mid-import).
 */
export function followImport(
  api: ApiClient,
  jobId: string,
  onEvent: (event: ProgressEvent, count: number) => void = () => {},
): Promise<Followed> {
  const followed: Followed = { ids: [], events: [] };
  return new Promise((resolve, reject) => {
    api.importStatus.subscribe(
      { jobId },
      {
        onData: ({ id, data }) => {
          followed.ids.push(Number(id));
          followed.events.push(data);
          onEvent(data, followed.ids.length);
        },
        onComplete: () => resolve(followed),
        onError: reject,
      },
    );
  });
}
