import { describe, expect, test } from 'vitest';
import { detectFormat } from './detect-format';
import { UnknownFormatError } from './errors';

describe('format detection', () => {
  test('each format is recognised by its content, whatever the file is called', () => {
    expect(detectFormat('OFXHEADER:100\nDATA:OFXSGML\n', 'export.txt')).toBe('ofx');
    expect(detectFormat('<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>\n<OFX>', 'a.xml')).toBe('ofx');
    expect(detectFormat('<?xml version="1.0"?><Document><BkToCstmrStmt>', 'a.ofx')).toBe('camt');
    expect(detectFormat('!Type:Bank\nD1/2/24\n', 'a.csv')).toBe('qif');
    expect(detectFormat('{1:F01X}\n:20:A\n:25:B\n:28C:1\n:60F:C240101EUR1,00\n', 'a')).toBe('mt940');
    expect(detectFormat('Date;Amount\n01.01.2024;1,00\n', 'a.sta')).toBe('csv');
  });

  test('other XML and plain text are refused by name', () => {
    expect(() => detectFormat('<?xml version="1.0"?><Document><BkToCstmrDbtCdtNtfctn>', 'n.xml')).toThrow(
      UnknownFormatError,
    );
    expect(() => detectFormat('just some words\n', 'notes.txt')).toThrow(/notes\.txt is not/);
  });
});
