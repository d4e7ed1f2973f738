const wizardSteps = ['Dates', 'Accounts', 'Settings', 'Review', 'Progress'] as const;

type Props = { current: number; reachable: number; onGo: (step: number) => void; locked: boolean };

/** The five steps; finished ones can be revisited until the import starts. */
export function WizardStepper({ current, reachable, onGo, locked }: Props) {
  return (
    <ol className="stepper" aria-label="Import steps">
      {wizardSteps.map((label, index) => {
        const step = index + 1;
        const state = step === current ? 'current' : step < current ? 'done' : 'todo';
        const canGo = !locked && step < current && step <= reachable;
        return (
          <li
            key={label}
            className={`stepper-item is-${state}`}
            aria-current={step === current ? 'step' : undefined}
          >
            {canGo ? (
              <button type="button" className="stepper-button" onClick={() => onGo(step)}>
                <span className="stepper-number">{state === 'done' ? '✓' : step}</span>
                <span className="stepper-label">{label}</span>
              </button>
            ) : (
              <span className="stepper-button">
                <span className="stepper-number">{state === 'done' ? '✓' : step}</span>
                <span className="stepper-label">{label}</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
