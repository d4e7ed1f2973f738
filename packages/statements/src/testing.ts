export { createGeneratedCsvSource } from './testing/generated-csv-source';
