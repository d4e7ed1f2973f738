/** Upper case, apostrophes dropped ("SAINSBURY'S" = "SAINSBURYS"), whitespace collapsed: what rules match on. */
export function normaliseForMatching(text: string): string {
  return text.toUpperCase().replace(/['’`]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Also drops digits and punctuation, so "TESCO STORES 2231" and "TESCO STORES 4410 ON 12-01" share a cache
 * entry: store numbers, dates and references never change what a transaction is.
 */
export function normaliseForCache(text: string): string {
  return normaliseForMatching(text)
    .replace(/[^A-Z&]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
