import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * A statement file that can be read more than once: the first pass decides the file's conventions from all of it,
 * the second streams its rows.
 */
export interface StatementSource {
  name: string;
  size: number;
  open(): AsyncIterable<Uint8Array>;
}

export function sourceFromBytes(name: string, bytes: Uint8Array): StatementSource {
  return {
    name,
    size: bytes.byteLength,
    async *open() {
      yield bytes;
    },
  };
}

export async function sourceFromFile(path: string): Promise<StatementSource> {
  const { size } = await stat(path);
  return {
    name: path.split(/[\\/]/).pop() ?? path,
    size,
    open: () => createReadStream(path, { highWaterMark: 64 * 1024 }),
  };
}

/** The first bytes of a source, for sniffing its encoding and format. */
export async function readHead(source: StatementSource, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk);
    length += chunk.byteLength;
    if (length >= limit) break;
  }
  return Buffer.concat(parts).subarray(0, limit);
}
