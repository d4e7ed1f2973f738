import chardet from 'chardet';
import iconv from 'iconv-lite';

export type EncodingGuess = {
  encoding: string;
  /** UTF-8 is guessed from the head of the file; the first pass confirms it on every byte. */
  confirmOnRead: boolean;
};

const latinFamily = new Set(['iso-8859-1', 'iso-8859-15', 'windows-1252']);

/**
 * Picks the encoding of a file from its first bytes: a byte-order mark, the zero bytes of UTF-16 without one,
 * UTF-8 (confirmed on the whole file while reading), else what the file declares, else chardet's best guess from
 * the file's non-ASCII bytes.
 */
export function detectEncoding(head: Uint8Array, utf8Failure: NonAsciiSample | null): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', confirmOnRead: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', confirmOnRead: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', confirmOnRead: false };
  const utf16 = detectUtf16WithoutBom(head);
  if (utf16) return { encoding: utf16, confirmOnRead: false };
  if (!utf8Failure) return { encoding: 'utf-8', confirmOnRead: true };
  return { encoding: declaredEncoding(head) ?? guessSingleByte(utf8Failure), confirmOnRead: false };
}

/** ASCII text in UTF-16 has a zero in every other byte: even offsets for big-endian, odd for little-endian. */
function detectUtf16WithoutBom(head: Uint8Array): string | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

/** OFX 1.x says `CHARSET:1252`; XML says `<?xml ... encoding="ISO-8859-1"?>`. */
function declaredEncoding(head: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(head.subarray(0, 2048)), 'latin1');
  const declared =
    /^\s*CHARSET:\s*([\w-]+)/im.exec(text)?.[1] ?? /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(text)?.[1];
  if (!declared) return null;
  const name = /^\d+$/.test(declared) ? `windows-${declared}` : declared.toLowerCase();
  if (name === '8859-1') return 'iso-8859-1';
  return iconv.encodingExists(name) && name !== 'utf-8' ? name : null;
}

/** The parts of a file that are not plain ASCII (where encodings differ), and whether any byte is 0x80-0x9F. */
export type NonAsciiSample = { bytes: Uint8Array; hasC1: boolean };

const sampleLimit = 64 * 1024;

/** Reads the whole file for its non-ASCII chunks: the bytes that tell one single-byte encoding from another. */
export async function sampleNonAscii(chunks: AsyncIterable<Uint8Array>): Promise<NonAsciiSample> {
  const parts: Uint8Array[] = [];
  let length = 0;
  let hasC1 = false;
  for await (const chunk of chunks) {
    if (!chunk.some((byte) => byte >= 0x80)) continue;
    hasC1 ||= chunk.some((byte) => byte >= 0x80 && byte <= 0x9f);
    if (length < sampleLimit) {
      parts.push(chunk.subarray(0, sampleLimit - length));
      length += Math.min(chunk.byteLength, sampleLimit - length);
    }
  }
  return { bytes: Buffer.concat(parts), hasC1 };
}

function guessSingleByte(sample: NonAsciiSample): string {
  const best = chardet
    .analyse(sample.bytes)
    .map((match) => match.name.toLowerCase())
    .find((name) => iconv.encodingExists(name) && !name.startsWith('utf'));
  if (best && !latinFamily.has(best)) return best;
  // Bytes 0x80-0x9F are control codes in ISO-8859-1 but printable in Windows-1252 (€, „, “, –, ...).
  return sample.hasC1 ? 'windows-1252' : 'iso-8859-1';
}
