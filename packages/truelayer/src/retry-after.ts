/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP-date) as milliseconds from `now`.
 * Null when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // An HTTP-date always names a month; without that check Date.parse would read "-5" as a year.
  const at = /[A-Za-z]/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
