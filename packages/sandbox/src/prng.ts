import { createHash } from 'node:crypto';

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight. */
  pickWeighted<T extends { weight: number }>(items: readonly T[]): T;
}

/** A hex digest of the parts: ids derived from it are stable for the same inputs and never collide in practice. */
export function hashParts(...parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}

/**
 * sfc32 seeded with 128 bits of a hash of the parts. A full-width seed matters: with a 32-bit seed, two of the
 * thousands of (account, day) streams would sooner or later collide and repeat each other's items.
 */
export function createPrng(...parts: readonly (string | number)[]): Prng {
  const digest = hashParts(...parts);
  let a = Number.parseInt(digest.slice(0, 8), 16) | 0;
  let b = Number.parseInt(digest.slice(8, 16), 16) | 0;
  let c = Number.parseInt(digest.slice(16, 24), 16) | 0;
  let d = Number.parseInt(digest.slice(24, 32), 16) | 0;

  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  // The first outputs of sfc32 are weakly mixed; discard a few as its author recommends.
  for (let i = 0; i < 12; i += 1) next();

  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick,
    pickWeighted: (items) => {
      const total = items.reduce((sum, item) => sum + item.weight, 0);
      let roll = next() * total;
      for (const item of items) {
        roll -= item.weight;
        if (roll < 0) return item;
      }
      return pick(items);
    },
  };
}
