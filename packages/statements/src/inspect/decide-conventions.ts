import { AmbiguousDateOrderError, AmbiguousDecimalMarkError } from '../errors';
import type { StatementFacts } from '../statement-facts';
import type { DateOrder, DecimalMark } from '../statement-schema';
import type { AmountSurvey } from './amount-survey';
import type { DateSurvey } from './date-survey';

/** What the date and amount surveys have in common: candidates tried on every value of the file. */
type CandidateSurvey<T extends string> = {
  tallies: Map<T, { failures: number }>;
  candidates(): { readable: T[]; differing: boolean };
};

type Decision<T> = { value: T; basis: 'format' | 'file' | 'choice'; candidates: T[] };

/**
 * The one candidate that reads every value wins; when several do and they disagree on some value, the given
 * choice (a saved mapping's) or an error naming them; when none does, the choice or the one that reads most, and
 * the rest are listed as unreadable rows.
 */
function decide<T extends string>(
  survey: CandidateSurvey<T>,
  fixed: boolean,
  choice: T | undefined,
  fallback: T,
  ambiguous: (candidates: T[]) => Error,
): Decision<T> {
  const { readable, differing } = survey.candidates();
  const basis = fixed ? 'format' : 'file';
  const [first] = readable;
  if (first !== undefined && readable.length === 1) return { value: first, basis, candidates: readable };
  if (first !== undefined) {
    if (choice && readable.includes(choice)) {
      return { value: choice, basis: differing ? 'choice' : basis, candidates: readable };
    }
    if (differing) throw ambiguous(readable);
    return { value: first, basis, candidates: readable };
  }
  if (choice && survey.tallies.has(choice)) return { value: choice, basis: 'choice', candidates: [] };
  const [fewest] = [...survey.tallies].sort(([, a], [, b]) => a.failures - b.failures);
  return { value: fewest?.[0] ?? fallback, basis, candidates: [] };
}

export function decideDateOrder(
  survey: DateSurvey,
  fixedDates: boolean,
  choice: DateOrder | undefined,
): StatementFacts['dateOrder'] {
  const { value, ...rest } = decide(
    survey,
    fixedDates,
    choice,
    'YMD',
    (candidates) => new AmbiguousDateOrderError(candidates),
  );
  return { order: value, ...rest };
}

export function decideDecimalMark(
  survey: AmountSurvey,
  fixedMark: boolean,
  choice: DecimalMark | undefined,
): StatementFacts['decimalMark'] {
  const { value, ...rest } = decide(
    survey,
    fixedMark,
    choice,
    '.',
    (candidates) => new AmbiguousDecimalMarkError(candidates),
  );
  return { mark: value, ...rest };
}
