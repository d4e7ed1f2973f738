import { Form, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import type { Connection, Schedule } from '~/lib/api-types';
import { cadenceLabels } from '~/lib/cadence-labels';
import { Notice } from './ui/notice';

type Props = {
  connections: readonly Connection[];
  schedule?: Schedule;
  error?: string | null;
  onCancel?: () => void;
};

/** Create or edit a recurring import. An empty account selection means every account of the bank. */
export function ScheduleForm({ connections, schedule, error, onCancel }: Props) {
  const navigation = useNavigation();
  const [connectionId, setConnectionId] = useState(schedule?.connectionId ?? connections[0]?.id ?? '');
  const connection = connections.find((c) => c.id === connectionId);
  const busy = navigation.state === 'submitting';
  const prefix = schedule ? `edit-${schedule.id}` : 'new';

  return (
    <Form method="post" className="schedule-form" aria-label={schedule ? 'Edit schedule' : 'New schedule'}>
      <input type="hidden" name="intent" value={schedule ? 'update' : 'create'} />
      {schedule ? <input type="hidden" name="scheduleId" value={schedule.id} /> : null}

      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${prefix}-connection`}>Bank</label>
          <select
            id={`${prefix}-connection`}
            name="connectionId"
            value={connectionId}
            onChange={(e) => setConnectionId(e.target.value)}
            disabled={Boolean(schedule)}
          >
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {schedule ? <input type="hidden" name="connectionId" value={connectionId} /> : null}
        </div>

        <fieldset className="field">
          <legend>How often</legend>
          <div className="segmented">
            {(Object.keys(cadenceLabels) as (keyof typeof cadenceLabels)[]).map((cadence) => (
              <label key={cadence} className="segment">
                <input
                  type="radio"
                  name="cadence"
                  value={cadence}
                  defaultChecked={(schedule?.cadence ?? 'daily') === cadence}
                />
                <span>{cadenceLabels[cadence]}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor={`${prefix}-window`}>Days back each run</label>
          <input
            id={`${prefix}-window`}
            name="windowDays"
            type="number"
            min={1}
            max={730}
            defaultValue={schedule?.windowDays ?? 7}
            aria-describedby={`${prefix}-window-help`}
          />
          <p id={`${prefix}-window-help`} className="muted small">
            Overlapping days are fine: nothing is imported twice.
          </p>
        </div>

        <div className="field">
          <label htmlFor={`${prefix}-batch`}>Batch size</label>
          <input
            id={`${prefix}-batch`}
            name="batchSize"
            type="number"
            min={10}
            max={200}
            defaultValue={schedule?.batchSize ?? 50}
          />
          <p className="muted small">10 to 200; 50 is recommended.</p>
        </div>
      </div>

      <fieldset className="field">
        <legend>Accounts and cards</legend>
        <p className="muted small">Leave all unticked to include every account, even ones added later.</p>
        <div className="check-grid">
          {(connection?.accounts ?? []).map((account) => (
            <label key={account.id} className="checkbox-inline">
              <input
                type="checkbox"
                name="accountIds"
                value={account.id}
                defaultChecked={schedule?.accountIds.includes(account.id) ?? false}
              />
              {account.displayName}
            </label>
          ))}
        </div>
      </fieldset>

      <label className="checkbox-inline">
        <input type="checkbox" name="autoEnrich" defaultChecked={schedule?.autoEnrich ?? true} />
        Auto-enrich new transactions
      </label>

      {error ? (
        <Notice tone="danger" role="alert">
          <p>{error}</p>
        </Notice>
      ) : null}

      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button button-ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : schedule ? 'Save changes' : 'Create schedule'}
        </button>
      </div>
    </Form>
  );
}
