import { XMLParser } from 'fast-xml-parser';

const metadata = XMLParser.getMetaDataSymbol() as symbol;

/** The line (1-based) where a node parsed with `captureMetaData` starts. */
export function createLineIndex(text: string): (node: object) => number {
  const lineStarts: number[] = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  return (node) => {
    const start = (node as Record<symbol, { startIndex?: number } | undefined>)[metadata]?.startIndex ?? 0;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= start) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
