/**
 * Exponential backoff with full jitter: a uniformly random delay below base * 2^retryIndex, capped at maxMs.
 * Full jitter spreads retries from many workers instead of having them hit the bank in lockstep.
 */
export function computeBackoffMs(
  retryIndex: number,
  options: { baseMs: number; maxMs: number; random: () => number },
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** retryIndex);
  return Math.floor(options.random() * ceiling);
}
