import { AmbiguousDateOrderError, AmbiguousDecimalMarkError } from '../errors';
import type { StatementFacts } from '../statement-facts';
import type { DateOrder, DecimalMark } from '../statement-schema';
import type { AmountSurvey } from './amount-survey';
import type { DateSurvey } from './date-survey';

/**
 * The date order of the whole file: the one order that reads all its dates; when several do and they disagree
 * on some day, the given choice (a saved mapping's) or an error naming the candidates. When none reads every date,
 * the chosen order or the one that reads most, and the rest are unreadable rows.
 */
export function decideDateOrder(
  survey: DateSurvey,
  fixedDates: boolean,
  choice: DateOrder | undefined,
): StatementFacts['dateOrder'] {
  const { readable, differing } = survey.candidates();
  const basis = fixedDates ? 'format' : 'file';
  if (readable.length === 1 && readable[0]) return { order: readable[0], basis, candidates: readable };
  if (readable.length > 1) {
    if (choice && readable.includes(choice)) {
      return { order: choice, basis: differing ? 'choice' : basis, candidates: readable };
    }
    if (differing) throw new AmbiguousDateOrderError(readable);
    return { order: readable[0] ?? 'YMD', basis, candidates: readable };
  }
  if (choice && survey.tallies.has(choice)) return { order: choice, basis: 'choice', candidates: [] };
  return { order: survey.fewestFailures(), basis, candidates: [] };
}

export function decideDecimalMark(
  survey: AmountSurvey,
  fixedMark: boolean,
  choice: DecimalMark | undefined,
): StatementFacts['decimalMark'] {
  const { readable, differing } = survey.candidates();
  const basis = fixedMark ? 'format' : 'file';
  if (readable.length === 1 && readable[0]) return { mark: readable[0], basis, candidates: readable };
  if (readable.length > 1) {
    if (choice && readable.includes(choice)) {
      return { mark: choice, basis: differing ? 'choice' : basis, candidates: readable };
    }
    if (differing) throw new AmbiguousDecimalMarkError(readable);
    return { mark: readable[0] ?? '.', basis, candidates: readable };
  }
  if (choice && survey.tallies.has(choice)) return { mark: choice, basis: 'choice', candidates: [] };
  return { mark: survey.fewestFailures(), basis, candidates: [] };
}
