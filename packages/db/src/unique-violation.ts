/**
 * True for a unique-constraint violation (P2002). Through driver adapters `meta.target` is empty; the fields
 * are in `meta.driverAdapterError.cause.constraint.fields`, which we do not need: callers retry the batch.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
