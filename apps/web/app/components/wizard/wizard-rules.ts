import { addDays, daysInRange, isCalendarDate } from '@app/domain';

export const batchSizeBounds = { min: 10, max: 200, recommended: 50 } as const;

export const rangePresets = [
  { id: '7d', label: '7 days', days: 7 },
  { id: '30d', label: '30 days', days: 30 },
  { id: '3m', label: '3 months', days: 90 },
  { id: '1y', label: '1 year', days: 365 },
] as const;

export type PresetId = (typeof rangePresets)[number]['id'] | 'custom';
export type DateRange = { preset: PresetId; from: string; to: string };

/** The preset's range ends today and counts today as one of its days. */
export function rangeForPreset(preset: Exclude<PresetId, 'custom'>, today: string): DateRange {
  const found = rangePresets.find((p) => p.id === preset);
  const days = found ? found.days : 30;
  return { preset, from: addDays(today, -(days - 1)), to: today };
}

export function selectedDays(range: DateRange): number {
  return isCalendarDate(range.from) && isCalendarDate(range.to)
    ? Math.max(0, daysInRange(range.from, range.to))
    : 0;
}

/** Why this range cannot be imported, in words for people; null when it can. */
export function dateRangeProblem(range: DateRange, today: string, maxHistoryDays: number): string | null {
  if (!range.from || !range.to) return 'Choose both a start and an end date.';
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to)) return 'Enter real dates (YYYY-MM-DD).';
  if (range.from > range.to) return 'The start date must be on or before the end date.';
  if (range.to > today) return 'The end date cannot be in the future.';
  const oldest = addDays(today, -maxHistoryDays);
  if (range.from < oldest)
    return `Banks keep at most ${maxHistoryDays} days of history: start on or after ${oldest}.`;
  return null;
}

export function accountsProblem(selected: readonly string[]): string | null {
  return selected.length === 0 ? 'Select at least one account or card to import.' : null;
}

export function batchSizeProblem(size: number): string | null {
  if (!Number.isInteger(size) || size < batchSizeBounds.min || size > batchSizeBounds.max) {
    return `The batch size must be a whole number between ${batchSizeBounds.min} and ${batchSizeBounds.max}.`;
  }
  return null;
}
