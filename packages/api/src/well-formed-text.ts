/**
 * Whether any string in an input (keys included) holds half a UTF-16 surrogate pair. JSON can carry one
 * (`"\ud800"`) and zod lets it through, but it is no text: the database drivers refuse to encode it, which
 * would surface as a 500 from whichever procedure first stores or looks it up.
 */
export function hasMalformedText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return !value.isWellFormed();
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => hasMalformedText(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => !key.isWellFormed() || hasMalformedText(item, depth + 1),
  );
}
