import { Form, useNavigation } from '@remix-run/react';
import type { JobStatus } from '~/lib/api-types';
import { jobControls } from '~/lib/job-labels';

/** Start / pause / resume / cancel / delete as form posts to the current route's action. */
export function JobControls({
  jobId,
  status,
  size = 'sm',
}: {
  jobId: string;
  status: JobStatus;
  size?: 'sm' | 'md';
}) {
  const navigation = useNavigation();
  const controls = jobControls(status);
  const pending =
    navigation.state !== 'idle' && navigation.formData?.get('jobId') === jobId
      ? String(navigation.formData.get('intent'))
      : null;
  const cls = `button button-secondary${size === 'sm' ? ' button-sm' : ''}`;
  return (
    <Form method="post" className="job-controls">
      <input type="hidden" name="jobId" value={jobId} />
      {controls.start ? (
        <button
          type="submit"
          name="intent"
          value="start"
          className={cls.replace('button-secondary', 'button-primary')}
          disabled={pending !== null}
        >
          {pending === 'start' ? 'Starting…' : 'Start'}
        </button>
      ) : null}
      {controls.pause ? (
        <button type="submit" name="intent" value="pause" className={cls} disabled={pending !== null}>
          {pending === 'pause' ? 'Pausing…' : 'Pause'}
        </button>
      ) : null}
      {controls.resume ? (
        <button type="submit" name="intent" value="resume" className={cls} disabled={pending !== null}>
          {pending === 'resume' ? 'Resuming…' : 'Resume'}
        </button>
      ) : null}
      {controls.cancel ? (
        <button
          type="submit"
          name="intent"
          value="cancel"
          className={`${cls} button-danger-text`}
          disabled={pending !== null}
        >
          {pending === 'cancel' ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : null}
      {controls.discard ? (
        <button
          type="submit"
          name="intent"
          value="discard"
          className={`${cls} button-danger-text`}
          disabled={pending !== null}
        >
          {pending === 'discard' ? 'Discarding…' : 'Discard'}
        </button>
      ) : null}
      {controls.remove ? (
        <button
          type="submit"
          name="intent"
          value="delete"
          className={`${cls} button-danger-text`}
          disabled={pending !== null}
          onClick={(event) => {
            if (!window.confirm('Delete this import from history? Its transactions are kept.'))
              event.preventDefault();
          }}
        >
          {pending === 'delete' ? 'Deleting…' : 'Delete'}
        </button>
      ) : null}
    </Form>
  );
}
