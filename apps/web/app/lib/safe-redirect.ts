/** Only paths on this site: `//evil.example` and absolute URLs fall back, so sign-in cannot bounce elsewhere. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/connections'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
