import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  importCsvMapping,
  inspectStatement,
  readStatementRows,
  sourceFromBytes,
  StatementError,
  StatementFactsSchema,
  StatementRowSchema,
  type StatementRow,
} from '../src/index';

// Every statement file under conformance/<format>/ is read and compared, facts and rows exactly, with the JSON
// beside it (`<file>.expected.json`); a `<name>.mapping.json` beside a CSV is its saved column mapping.
const root = join(import.meta.dirname, 'conformance');
const formats = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory());
const sources = readFileSync(join(root, 'SOURCES.md'), 'utf8');

for (const format of formats) {
  const folder = join(root, format.name);
  const files = readdirSync(folder).filter((name) => !name.endsWith('.json'));

  describe(`${format.name} conformance files`, () => {
    test.each(files)('%s reads to its expected rows', async (name) => {
      const expected = JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8'));
      const mappingFile = join(folder, `${name.replace(/\.[^.]+$/, '')}.mapping.json`);
      const options = {
        ...expected.options,
        ...(existsSync(mappingFile)
          ? { csvMapping: importCsvMapping(readFileSync(mappingFile, 'utf8')) }
          : {}),
      };
      const source = sourceFromBytes(name, readFileSync(join(folder, name)));
      if (expected.error) {
        const error = await inspectStatement(source, options).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(StatementError);
        expect({ code: (error as StatementError).code, line: (error as StatementError).line }).toEqual(
          expected.error,
        );
        return;
      }
      const inspection = await inspectStatement(source, options);
      const rows: StatementRow[] = [];
      for await (const batch of readStatementRows(inspection, 2)) rows.push(...batch.rows);

      expect(inspection.facts).toEqual(expected.facts);
      expect(inspection.problems).toEqual(expected.problems);
      expect(rows).toEqual(expected.rows);
      expect(rows).toHaveLength(inspection.facts.rowCount);
      StatementFactsSchema.parse(inspection.facts);
      for (const row of rows) StatementRowSchema.parse(row);
    });

    test.each(files)('%s has its source and licence in SOURCES.md', (name) => {
      expect(sources).toContain(`\`${format.name}/${name}\``);
    });
  });
}
