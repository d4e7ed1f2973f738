import type { Prng } from '../prng';
import type { ItemDraft, TimeStyle } from './generated-item';
import type { ItemTemplate, RandomTemplate } from './item-template';
import { PEOPLE, PLACES } from './merchant-catalogue';

const REFERENCE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function drawReference(prng: Prng, length: number): string {
  let reference = '';
  for (let i = 0; i < length; i += 1)
    reference += REFERENCE_CHARS.charAt(prng.int(0, REFERENCE_CHARS.length - 1));
  return reference;
}

function fillPlaceholders(prng: Prng, description: string, reference: string): string {
  return description
    .replace('{store}', String(prng.int(1000, 9999)))
    .replace('{place}', prng.pick(PLACES))
    .replace('{name}', prng.pick(PEOPLE))
    .replace('{ref}', reference);
}

function drawTimeStyle(prng: Prng): TimeStyle {
  const roll = prng.next();
  if (roll < 0.72) return 'midnight';
  if (roll < 0.8) return 'fraction';
  if (roll < 0.88) return 'offset';
  return 'local';
}

/** Just after midnight or late in the evening: the hours where UTC and UK dates disagree in summer. */
function drawLocalTime(prng: Prng): string {
  const hour = prng.chance(0.5) ? '00' : prng.pick(['22', '23']);
  const minute = String(prng.int(1, 59)).padStart(2, '0');
  return `${hour}:${minute}:${String(prng.int(0, 59)).padStart(2, '0')}`;
}

function drawMagnitude(prng: Prng, template: RandomTemplate): number {
  const step = template.stepPence ?? 1;
  return step * prng.int(Math.ceil(template.minPence / step), Math.floor(template.maxPence / step));
}

/** A day-to-day item: amount, description, ids, timestamp style and booking lag all drawn from the day's PRNG. */
export function drawRandomDraft(prng: Prng, key: string, template: RandomTemplate): ItemDraft {
  const reference = drawReference(prng, 6);
  const identityRoll = prng.next();
  return {
    key,
    template: { ...template, description: fillPlaceholders(prng, template.description, reference) },
    magnitudePence: drawMagnitude(prng, template),
    lagDays: template.category === 'PURCHASE' && prng.chance(0.15) ? 1 : 0,
    identity: identityRoll < 0.78 ? 'full' : identityRoll < 0.92 ? 'provider' : 'none',
    timeStyle: drawTimeStyle(prng),
    localTime: drawLocalTime(prng),
    showMerchant: prng.chance(0.85),
    showClassification: prng.chance(0.7),
    reference: prng.chance(0.4) ? reference : null,
  };
}

/** Standing orders, direct debits, salaries: the bank knows them well, so they carry every id. */
export function createScheduledDraft(
  key: string,
  template: ItemTemplate,
  magnitudePence: number,
  reference: string | null,
): ItemDraft {
  return {
    key,
    template,
    magnitudePence,
    lagDays: 0,
    identity: 'full',
    timeStyle: 'midnight',
    localTime: '00:00:00',
    showMerchant: true,
    showClassification: true,
    reference,
  };
}

/** Cash machines do not give ids, so two identical withdrawals on one day are told apart by nothing but count. */
export function createAtmDraft(key: string, place: string, magnitudePence: number): ItemDraft {
  return {
    ...createScheduledDraft(
      key,
      {
        description: `CASH NOTEMACHINE ${place}`,
        merchantName: null,
        category: 'ATM',
        classification: ['Cash & ATM'],
        providerCategory: 'CPT',
        direction: 'DEBIT',
      },
      magnitudePence,
      null,
    ),
    identity: 'none',
  };
}
