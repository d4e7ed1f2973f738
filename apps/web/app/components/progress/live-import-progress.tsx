import { useEffect, useReducer, useRef, useState } from 'react';
import type { JobStatus, ProgressEvent } from '~/lib/api-types';
import {
  applyProgressEvent,
  initialProgress,
  type AccountSeed,
  type ProgressState,
} from '~/lib/progress-state';
import { subscribeOverWebSocket, type SubscribeToProgress } from '~/lib/progress-subscription';
import { ImportProgressView, type LinkState } from './import-progress-view';

export type LiveImportProgressProps = {
  jobId: string;
  seeds?: readonly AccountSeed[];
  /** Where to start instead of the seeds, e.g. a stored snapshot; the subscription resumes after its last event. */
  initial?: ProgressState;
  autoEnrich?: boolean;
  onJobPage?: boolean;
  onFinished?: (state: ProgressState) => void;
  /** Called when an event carries a job status other than the last one seen (paused or resumed elsewhere, too). */
  onStatusChange?: (status: JobStatus) => void;
  subscribe?: SubscribeToProgress;
};

/** Follows a job live over the `importStatus` subscription and draws it with the pure view. */
export function LiveImportProgress({
  jobId,
  seeds = [],
  initial,
  autoEnrich,
  onJobPage,
  onFinished,
  onStatusChange,
  subscribe = subscribeOverWebSocket,
}: LiveImportProgressProps) {
  const [state, dispatch] = useReducer(applyProgressEvent, initial ?? initialProgress(seeds));
  const [link, setLink] = useState<LinkState>('connecting');
  const [linkError, setLinkError] = useState<string | null>(null);
  const lastEventId = useRef<string | null>(null);
  lastEventId.current = state.lastEventId;

  useEffect(() => {
    return subscribe(
      { jobId, lastEventId: lastEventId.current },
      {
        onEvent: (event: ProgressEvent) => dispatch(event),
        onLink: setLink,
        onError: setLinkError,
      },
    );
  }, [jobId, subscribe]);

  const finishedRef = useRef(false);
  useEffect(() => {
    if (state.finished && !finishedRef.current) {
      finishedRef.current = true;
      onFinished?.(state);
    }
  }, [state, onFinished]);

  const lastStatus = useRef(initial?.job?.status ?? null);
  const status = state.job?.status ?? null;
  useEffect(() => {
    if (status === null || status === lastStatus.current) return;
    lastStatus.current = status;
    onStatusChange?.(status);
  }, [status, onStatusChange]);

  return (
    <ImportProgressView
      state={state}
      link={link}
      linkError={linkError}
      autoEnrich={autoEnrich}
      onJobPage={onJobPage}
    />
  );
}
