const candidates = [',', ';', '\t', '|'];

/**
 * The delimiter that splits most of the sample's lines into the same number (> 1) of fields, quotes respected.
 * Junk lines above the header do not matter: they rarely share the data's field count.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 50);
  let best = ',';
  let bestScore = 0;
  for (const delimiter of candidates) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const fields = countFields(line, delimiter);
      if (fields > 1) counts.set(fields, (counts.get(fields) ?? 0) + 1);
    }
    for (const [fields, lineCount] of counts) {
      const score = lineCount * 1000 + fields;
      if (score > bestScore) {
        best = delimiter;
        bestScore = score;
      }
    }
  }
  return best;
}

function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === delimiter && !quoted) fields += 1;
  }
  return fields;
}
