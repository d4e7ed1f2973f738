import { StatementSyntaxError } from '../../errors';

/** An OFX element: an aggregate with children, or a leaf with a value. */
export type OfxElement = { name: string; line: number; value: string | null; children: OfxElement[] };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Reads the body of an OFX file into a tree, with the line of each element. One reader for both versions: OFX 1
 * is SGML, where a leaf's closing tag is optional (`<TRNAMT>-6.60` then the next tag), and OFX 2 is XML; banks mix
 * the two (an XML header over unclosed leaves, empty `<NAME></NAME>`, CDATA, dotted `<INTU.BID>`). A closing tag
 * closes every element left open inside it.
 */
export function parseOfxTree(text: string): OfxElement {
  const start = text.search(/<OFX>/i);
  if (start < 0) throw new StatementSyntaxError('The file has no <OFX> element.', null);
  const root: OfxElement = { name: '#root', line: 1, value: null, children: [] };
  const stack: OfxElement[] = [root];
  let line = countLines(text, 0, start) + 1;
  let position = start;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    if (open < 0) break;
    line += countLines(text, position, open);
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open);
      line += countLines(text, open, end < 0 ? text.length : end);
      position = end < 0 ? text.length : end + 3;
      continue;
    }
    const close = text.indexOf('>', open);
    if (close < 0) throw new StatementSyntaxError('A tag is not closed.', line);
    const tag = text.slice(open + 1, close).trim();
    position = close + 1;
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    if (tag.startsWith('/')) {
      closeElement(stack, tag.slice(1).trim().toUpperCase());
      continue;
    }
    const name = tag.replace(/\/$/, '').trim().toUpperCase();
    const element: OfxElement = { name, line, value: null, children: [] };
    stack.at(-1)?.children.push(element);
    const { value, end } = readValue(text, position);
    line += countLines(text, position, end);
    position = end;
    if (value !== '' || tag.endsWith('/')) {
      element.value = value;
      const leafClose = new RegExp(`^</\\s*${escapeName(name)}\\s*>`, 'i');
      const closing = leafClose.exec(text.slice(position, position + name.length + 8));
      if (closing) position += closing[0].length;
    } else {
      stack.push(element);
    }
  }
  const ofx = root.children.find((child) => child.name === 'OFX');
  if (!ofx) throw new StatementSyntaxError('The file has no <OFX> element.', null);
  return ofx;
}

/** Text up to the next tag (CDATA sections are part of it), entities decoded, trimmed. */
function readValue(text: string, from: number): { value: string; end: number } {
  let value = '';
  let position = from;
  for (;;) {
    const next = text.indexOf('<', position);
    const stop = next < 0 ? text.length : next;
    value += text.slice(position, stop);
    position = stop;
    if (!text.startsWith('<![CDATA[', position)) break;
    const end = text.indexOf(']]>', position);
    value += `\u0000${text.slice(position + 9, end < 0 ? text.length : end)}\u0000`;
    position = end < 0 ? text.length : end + 3;
  }
  const decoded = value
    .split('\u0000')
    .map((part, index) => (index % 2 === 1 ? part : decodeEntities(part)))
    .join('');
  return { value: decoded.trim(), end: position };
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return entities[entity.toLowerCase()] ?? whole;
  });
}

function closeElement(stack: OfxElement[], name: string): void {
  const index = stack.findLastIndex((element) => element.name === name);
  if (index > 0) stack.length = index;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (
    let index = text.indexOf('\n', from);
    index >= 0 && index < to;
    index = text.indexOf('\n', index + 1)
  ) {
    lines += 1;
  }
  return lines;
}

function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function child(element: OfxElement | undefined, ...path: string[]): OfxElement | undefined {
  let current = element;
  for (const name of path) current = current?.children.find((candidate) => candidate.name === name);
  return current;
}

export function valueOf(element: OfxElement | undefined, ...path: string[]): string | null {
  const value = child(element, ...path)?.value;
  return value === undefined || value === null || value === '' ? null : value;
}

/** Every element of a name below `element`, in document order. */
export function descendants(element: OfxElement, name: string): OfxElement[] {
  const found: OfxElement[] = [];
  for (const candidate of element.children) {
    if (candidate.name === name) found.push(candidate);
    else found.push(...descendants(candidate, name));
  }
  return found;
}
