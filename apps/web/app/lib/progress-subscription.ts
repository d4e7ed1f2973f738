import type { ProgressEvent } from './api-types';
import { getApiClient } from './api-client';

export type ProgressLinkHandlers = {
  onEvent: (event: ProgressEvent) => void;
  onLink: (state: 'connecting' | 'live' | 'reconnecting' | 'closed') => void;
  onError: (message: string) => void;
};

/** Subscribes to a job's progress; returns the unsubscribe. Injected so components can be tested without a socket. */
export type SubscribeToProgress = (
  input: { jobId: string; lastEventId: string | null },
  handlers: ProgressLinkHandlers,
) => () => void;

export const subscribeOverWebSocket: SubscribeToProgress = (input, handlers) => {
  const subscription = getApiClient().importStatus.subscribe(
    { jobId: input.jobId, lastEventId: input.lastEventId },
    {
      onStarted: () => handlers.onLink('live'),
      onData: ({ data }) => handlers.onEvent(data),
      onError: (error) => handlers.onError(error.message),
      onComplete: () => handlers.onLink('closed'),
      onConnectionStateChange: (state) => {
        if (state.state === 'connecting') handlers.onLink(state.error ? 'reconnecting' : 'connecting');
        else if (state.state === 'pending') handlers.onLink('live');
      },
    },
  );
  return () => subscription.unsubscribe();
};
