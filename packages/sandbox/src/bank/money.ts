/** Pence to pounds. Dividing an integer by 100 always serialises with at most two decimals (2340 -> 23.4). */
export function toMajorUnits(pence: number): number {
  return pence / 100;
}
