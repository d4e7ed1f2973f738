import { createPrng } from '../prng';

/** The monthly salary-day transfer; keyed by user and month so both accounts agree on the amount. */
export function savingsTransferPence(seed: number, user: string, month: string): number {
  return 1_000 * createPrng(seed, user, 'savings-transfer', month).int(5, 40);
}
