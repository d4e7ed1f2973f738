import type { StatusTone } from '@app/domain';

/** A bar of what is done, in the colour of the status it belongs to (a cancelled import is not drawn as success). */
export function ProgressBar({
  value,
  label,
  size = 'md',
  tone = 'progress',
}: {
  value: number;
  label: string;
  size?: 'sm' | 'md';
  tone?: StatusTone;
}) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      className={`progress-track progress-${size}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      data-tone={tone}
    >
      <div className={`progress-fill progress-fill-${tone}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
