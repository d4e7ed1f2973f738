import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LiveImportProgress } from '~/components/progress/live-import-progress';
import { Notice } from '~/components/ui/notice';
import type { BankAccount, Connection, ImportPlan, ImportPlanInput } from '~/lib/api-types';
import { errorMessageOf } from '~/lib/error-message';
import type { SubscribeToProgress } from '~/lib/progress-subscription';
import { StepAccounts } from './step-accounts';
import { StepConfiguration } from './step-configuration';
import { StepDateRange } from './step-date-range';
import { StepReview } from './step-review';
import {
  accountsProblem,
  batchSizeBounds,
  batchSizeProblem,
  dateRangeProblem,
  rangeForPreset,
  type DateRange,
} from './wizard-rules';
import { WizardStepper } from './wizard-stepper';

export type ImportWizardProps = {
  connection: {
    id: string;
    providerName: string;
    accounts: readonly BankAccount[];
    /** What the consent reaches now (the 90-day rule), told on the Dates step. */
    historyReach?: Connection['historyReach'];
  };
  today: string;
  maxHistoryDays: number;
  now: Date;
  plan: (input: ImportPlanInput) => Promise<ImportPlan>;
  start: (jobId: string) => Promise<void>;
  /** Forgets a plan that was replaced or never started, so history holds only imports people ran. */
  discard?: (jobId: string) => Promise<void>;
  subscribe?: SubscribeToProgress;
  onClose: () => void;
  /** Called once the import has finished (the page reloads its data). */
  onFinished?: () => void;
  closeDelayMs?: number;
  titleId?: string;
};

const headings = [
  { title: 'Choose the dates', hint: 'Which days should we import? Pick a quick range or set your own.' },
  { title: 'Choose accounts and cards', hint: 'Everything is selected; untick what you want to leave out.' },
  { title: 'Import settings', hint: 'How the import runs. The defaults suit most people.' },
  { title: 'Review and start', hint: 'Nothing has been imported yet. Check the estimate, then start.' },
  {
    title: 'Importing',
    hint: 'You can close this window at any time: the import keeps running in the background.',
  },
] as const;

const finishedHeading = {
  title: 'Import finished',
  hint: 'The new transactions are in your history. The summary is below.',
};

export function ImportWizard(props: ImportWizardProps) {
  const { connection, today, maxHistoryDays, now, closeDelayMs = 4000 } = props;
  const [step, setStep] = useState(1);
  const [reachable, setReachable] = useState(1);
  const [range, setRange] = useState<DateRange>(() => rangeForPreset('30d', today));
  const [selected, setSelected] = useState<string[]>(() => connection.accounts.map((a) => a.id));
  const [autoEnrich, setAutoEnrich] = useState(true);
  const [batchSize, setBatchSize] = useState<number>(batchSizeBounds.recommended);
  const [problem, setProblem] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [planning, setPlanning] = useState(false);
  const [planError, setPlanError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [keepOpen, setKeepOpen] = useState(false);
  const [finished, setFinished] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const planRun = useRef(0);

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  useEffect(() => {
    if (!finished || keepOpen) return;
    const timer = setTimeout(props.onClose, closeDelayMs);
    return () => clearTimeout(timer);
  }, [finished, keepOpen, closeDelayMs, props.onClose]);

  const discardPlan = (stale: ImportPlan | null) => {
    if (!stale || !props.discard) return;
    // Best effort: a leftover planned job is harmless and stays visible (and deletable) in history.
    props
      .discard(stale.jobId)
      .catch((error: unknown) => console.warn('could not discard a planned import', error));
  };

  const runPlan = async () => {
    const run = ++planRun.current;
    discardPlan(plan);
    setPlan(null);
    setPlanError(null);
    setPlanning(true);
    try {
      const result = await props.plan({
        connectionId: connection.id,
        fromDate: range.from,
        toDate: range.to,
        accountIds: selected,
        autoEnrich,
        batchSize,
      });
      if (run === planRun.current) setPlan(result);
      else discardPlan(result);
    } catch (error) {
      if (run === planRun.current) setPlanError(errorMessageOf(error));
    } finally {
      if (run === planRun.current) setPlanning(false);
    }
  };

  const go = (next: number) => {
    setProblem(null);
    setStep(next);
    setReachable((r) => Math.max(r, next));
  };

  const onNext = async (event: FormEvent) => {
    event.preventDefault();
    if (step === 1) {
      const found = dateRangeProblem(range, today, maxHistoryDays);
      if (found) return setProblem(found);
      return go(2);
    }
    if (step === 2) {
      const found = accountsProblem(selected);
      if (found) return setProblem(found);
      return go(3);
    }
    if (step === 3) {
      const found = batchSizeProblem(batchSize);
      if (found) return setProblem(found);
      go(4);
      return runPlan();
    }
    if (step === 4 && plan && !planning) {
      setStarting(true);
      setProblem(null);
      try {
        await props.start(plan.jobId);
        setJobId(plan.jobId);
        go(5);
      } catch (error) {
        setProblem(errorMessageOf(error));
      } finally {
        setStarting(false);
      }
    }
  };

  const close = () => {
    if (!jobId) discardPlan(plan);
    props.onClose();
  };

  const onFinished = () => {
    setFinished(true);
    props.onFinished?.();
  };

  const { title, hint } = finished ? finishedHeading : (headings[step - 1] ?? headings[0]);
  const seeds = connection.accounts
    .filter((a) => selected.includes(a.id))
    .map((a) => ({ accountId: a.id, displayName: a.displayName, kind: a.kind }));

  return (
    <div className="wizard">
      <WizardStepper current={step} reachable={reachable} onGo={go} locked={jobId !== null || starting} />
      <div className="wizard-heading">
        <h2 id={props.titleId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <p className="muted">{hint}</p>
      </div>

      {step < 5 ? (
        <form className="wizard-form" onSubmit={onNext} noValidate>
          {step === 1 ? (
            <StepDateRange
              value={range}
              onChange={setRange}
              today={today}
              history={
                connection.historyReach
                  ? { providerName: connection.providerName, reach: connection.historyReach }
                  : undefined
              }
            />
          ) : null}
          {step === 2 ? (
            <StepAccounts
              accounts={connection.accounts}
              selected={selected}
              onChange={setSelected}
              now={now}
            />
          ) : null}
          {step === 3 ? (
            <StepConfiguration
              autoEnrich={autoEnrich}
              batchSize={batchSize}
              onAutoEnrich={setAutoEnrich}
              onBatchSize={setBatchSize}
            />
          ) : null}
          {step === 4 ? (
            <StepReview plan={plan} planning={planning} error={planError} onRetry={runPlan} />
          ) : null}

          {problem ? (
            <Notice tone="danger" role="alert">
              <p>{problem}</p>
            </Notice>
          ) : null}

          <div className="wizard-footer">
            {step === 1 ? (
              <button type="button" className="button button-ghost" onClick={close}>
                Cancel
              </button>
            ) : (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => go(step - 1)}
                disabled={starting}
              >
                Back
              </button>
            )}
            {step < 4 ? (
              <button type="submit" className="button button-primary">
                Next
              </button>
            ) : (
              <button
                type="submit"
                className="button button-primary"
                disabled={!plan || planning || starting}
              >
                {starting ? 'Starting…' : 'Start import'}
              </button>
            )}
          </div>
        </form>
      ) : jobId ? (
        <div className="wizard-form">
          <LiveImportProgress
            jobId={jobId}
            seeds={seeds}
            autoEnrich={autoEnrich}
            onFinished={onFinished}
            subscribe={props.subscribe}
          />
          <div className="wizard-footer">
            <label className="checkbox-inline">
              <input type="checkbox" checked={keepOpen} onChange={(e) => setKeepOpen(e.target.checked)} />
              Keep this window open when the import finishes
            </label>
            <div className="footer-actions">
              <a className="button button-ghost" href={`/imports/${jobId}`}>
                View details
              </a>
              <button type="button" className="button button-primary" onClick={close}>
                {finished ? 'Done' : 'Close'}
              </button>
            </div>
          </div>
          {finished && !keepOpen ? (
            <p className="muted small closing-note" role="status">
              Closing in a few seconds…
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
