/** Short words that stay capitals in a brand name (BT, EE, O2, KFC, NCP); common words that do not. */
const lowerWords = new Set([
  'THE',
  'AND',
  'OF',
  'FOR',
  'BAR',
  'PUB',
  'INN',
  'CAR',
  'BUS',
  'BET',
  'AIR',
  'TO',
  'ON',
  'AT',
]);

/**
 * A display name from the words a rule matched: "THAMES WATER" -> "Thames Water", "AXA" -> "AXA",
 * "PADDY POWER" -> "Paddy Power". Used for rules that name many brands at once.
 */
export function merchantNameFromMatch(matched: string): string | null {
  const words = matched
    .replace(/[*_]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  return words
    .map((word, index) => {
      if (word.length <= 3 && !lowerWords.has(word)) return word;
      const title = word.charAt(0) + word.slice(1).toLowerCase();
      return index > 0 && lowerWords.has(word) && word.length <= 3 ? word.toLowerCase() : title;
    })
    .join(' ');
}
