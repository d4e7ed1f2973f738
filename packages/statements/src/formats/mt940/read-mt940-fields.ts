import type { TextLine } from '../../text/decode-source';

/** One `:tag:value` field of an MT940 message, its continuation lines joined with newlines. */
export type Mt940Field = { tag: string; value: string; line: number };

/**
 * Splits an MT940 file into fields. Text outside a statement (SWIFT blocks `{1:...}`, bank headers such as
 * "940 00", the "-" or "-}" ending a message) is skipped; a line that is not a tag continues the field before it.
 */
export async function* readMt940Fields(lines: AsyncIterable<TextLine>): AsyncGenerator<Mt940Field> {
  let current: Mt940Field | null = null;
  for await (const { text, line } of lines) {
    const tag = /^:(\d{2}[A-Z]?):(.*)$/.exec(text.replace(/^\{4:/, ''));
    if (tag) {
      if (current) yield current;
      current = { tag: tag[1] ?? '', value: tag[2] ?? '', line };
      continue;
    }
    if (/^-\}?\s*$/.test(text) || /^\{[1-5]:/.test(text)) {
      if (current) yield current;
      current = null;
      continue;
    }
    if (current) current.value += `\n${text}`;
  }
  if (current) yield current;
}
