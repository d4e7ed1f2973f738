import { HistoryReachNote } from '~/components/history/history-reach-note';
import type { Connection } from '~/lib/api-types';
import { formatCount, formatDateRange } from '~/lib/format';
import { rangeForPreset, rangePresets, selectedDays, type DateRange } from './wizard-rules';

type Props = {
  value: DateRange;
  onChange: (range: DateRange) => void;
  today: string;
  /** What the consent reaches (the 90-day rule); said here, before the plan. */
  history?: { providerName: string; reach: Connection['historyReach'] };
};

export function StepDateRange({ value, onChange, today, history }: Props) {
  const days = selectedDays(value);
  return (
    <div className="step-body">
      <fieldset className="preset-group">
        <legend>Quick ranges</legend>
        <div className="segmented">
          {rangePresets.map((preset) => (
            <label key={preset.id} className="segment">
              <input
                type="radio"
                name="preset"
                value={preset.id}
                checked={value.preset === preset.id}
                onChange={() => onChange(rangeForPreset(preset.id, today))}
              />
              <span>{preset.label}</span>
            </label>
          ))}
          <label className="segment">
            <input
              type="radio"
              name="preset"
              value="custom"
              checked={value.preset === 'custom'}
              onChange={() => onChange({ ...value, preset: 'custom' })}
            />
            <span>Custom</span>
          </label>
        </div>
      </fieldset>

      <div className="field-row">
        <div className="field">
          <label htmlFor="import-from">From</label>
          <input
            id="import-from"
            type="date"
            value={value.from}
            max={today}
            onChange={(e) => onChange({ ...value, preset: 'custom', from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="import-to">To</label>
          <input
            id="import-to"
            type="date"
            value={value.to}
            max={today}
            onChange={(e) => onChange({ ...value, preset: 'custom', to: e.target.value })}
          />
        </div>
      </div>

      <p className="day-count" aria-live="polite">
        <strong>{formatCount(days)}</strong> {days === 1 ? 'day' : 'days'} selected
        {days > 0 ? <span className="day-count-range">{formatDateRange(value.from, value.to)}</span> : null}
      </p>
      {history && days > 0 ? (
        <HistoryReachNote
          providerName={history.providerName}
          reach={history.reach}
          from={value.from}
          to={value.to}
        />
      ) : null}
    </div>
  );
}
