import iconv from 'iconv-lite';
import type { StatementSource } from '../source';

/** Bytes of the source consumed so far, shared by the decoder and whoever reports progress. */
export type ReadCounter = { bytesRead: number };

const nativeEncodings = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/**
 * Decodes a source chunk by chunk. UTF-8 is decoded strictly when `strict` (an invalid byte throws a TypeError,
 * so the caller can fall back to a single-byte encoding); a byte-order mark is dropped.
 */
export async function* decodeSource(
  source: StatementSource,
  encoding: string,
  counter: ReadCounter,
  strict: boolean,
): AsyncGenerator<string> {
  const decoder = nativeEncodings.has(encoding)
    ? createNativeDecoder(encoding, strict)
    : createIconvDecoder(encoding);
  for await (const chunk of source.open()) {
    counter.bytesRead += chunk.byteLength;
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type ChunkDecoder = { write(chunk: Uint8Array): string; end(): string };

function createNativeDecoder(encoding: string, strict: boolean): ChunkDecoder {
  const decoder = new TextDecoder(encoding, { fatal: strict });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

function createIconvDecoder(encoding: string): ChunkDecoder {
  const decoder = iconv.getDecoder(encoding);
  return { write: (chunk) => decoder.write(Buffer.from(chunk)), end: () => decoder.end() ?? '' };
}

export type TextLine = { text: string; line: number };

/** Splits decoded text into lines (CRLF, LF or CR), numbered from 1. */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<TextLine> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    const parts = pending.split(/\r\n|\n|\r(?!$)/);
    // the last part may continue in the next chunk (a CR at the very end may be the first half of CRLF)
    pending = parts.pop() ?? '';
    for (const text of parts) {
      line += 1;
      yield { text, line };
    }
  }
  const last = pending.replace(/\r$/, '');
  if (last) yield { text: last, line: line + 1 };
}

export async function readWholeText(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}
