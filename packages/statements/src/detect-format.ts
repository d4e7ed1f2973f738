import { UnknownFormatError } from './errors';
import type { StatementFormat } from './statement-schema';

/** Recognises a statement by its content (its name only breaks no tie: banks name files anything). */
export function detectFormat(head: string, name: string): StatementFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^OFXHEADER\s*:/i.test(text) || /<\?OFX\s/i.test(text) || /<OFX>/i.test(text)) return 'ofx';
  if (
    /<(BkToCstmrStmt|BkToCstmrAcctRpt)>/.test(text) ||
    /urn:iso:std:iso:20022:tech:xsd:camt\.05[23]/.test(text)
  ) {
    return 'camt';
  }
  if (text.startsWith('<')) throw new UnknownFormatError(name); // XML, but neither OFX nor CAMT.053/052
  if (/^!(Type|Account|Option)/im.test(text)) return 'qif';
  if (/^:20:/m.test(text) && /^:25:/m.test(text) && /^:6[02][FM]:/m.test(text)) return 'mt940';
  const firstLines = text.split(/\r\n|\n|\r/, 20);
  if (firstLines.some((line) => /[,;\t|]/.test(line))) return 'csv';
  throw new UnknownFormatError(name);
}
