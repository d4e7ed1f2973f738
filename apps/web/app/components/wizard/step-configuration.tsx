import { batchSizeBounds } from './wizard-rules';

type Props = {
  autoEnrich: boolean;
  batchSize: number;
  onAutoEnrich: (on: boolean) => void;
  onBatchSize: (size: number) => void;
};

const { min, max, recommended } = batchSizeBounds;

export function StepConfiguration({ autoEnrich, batchSize, onAutoEnrich, onBatchSize }: Props) {
  const markerLeft = `${((recommended - min) / (max - min)) * 100}%`;
  return (
    <div className="step-body">
      <label className="switch-row">
        <span className="switch-text">
          <strong>Auto-enrichment</strong>
          <span className="muted small">
            Categorise new transactions and tidy merchant names after the import. Uses tokens, shown on the
            Costs page.
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={autoEnrich}
          onChange={(e) => onAutoEnrich(e.target.checked)}
          aria-label="Auto-enrichment"
        />
      </label>

      <div className="field">
        <div className="field-head">
          <label htmlFor="batch-size">Batch size</label>
          <input
            className="batch-number"
            type="number"
            aria-label="Batch size (number)"
            min={min}
            max={max}
            step={1}
            value={Number.isNaN(batchSize) ? '' : batchSize}
            onChange={(e) => onBatchSize(e.target.value === '' ? Number.NaN : Number(e.target.value))}
          />
        </div>
        <div className="slider-wrap">
          <input
            id="batch-size"
            type="range"
            min={min}
            max={max}
            step={10}
            value={Number.isNaN(batchSize) ? recommended : Math.min(max, Math.max(min, batchSize))}
            onChange={(e) => onBatchSize(Number(e.target.value))}
            aria-describedby="batch-size-help"
            list="batch-size-marks"
          />
          <datalist id="batch-size-marks">
            <option value={recommended} label="Recommended" />
          </datalist>
          <span className="slider-marker" style={{ left: markerLeft }} aria-hidden="true">
            <span className="slider-marker-tick" />
            Recommended {recommended}
          </span>
        </div>
        <div className="slider-scale muted small" aria-hidden="true">
          <span>{min}</span>
          <span>{max}</span>
        </div>
        <p id="batch-size-help" className="muted small">
          Transactions saved per step, between {min} and {max}. Smaller batches checkpoint more often;{' '}
          {recommended} suits most banks.
          {batchSize !== recommended ? (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => onBatchSize(recommended)}>
                Use {recommended}
              </button>
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
