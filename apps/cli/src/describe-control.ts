import type { RouterOutputs } from '@app/api/client';

type ControlResult = RouterOutputs['importCancel'];

/** A running job pauses or cancels at its next checkpoint, so the answer may still show it running. */
export function describeControl({ jobId, status, requestedAction }: ControlResult): string {
  if (requestedAction)
    return `Import ${jobId} is ${status}; ${requestedAction} requested, it takes effect at the next checkpoint.`;
  return `Import ${jobId} is ${status}.`;
}
