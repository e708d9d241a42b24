// Every export format by name (CLI --format, API library:export), and default file names.
import path from 'node:path';
import type { Db } from '../store/db';
import { writeJsonExport } from './json';
import { writeCsvExport } from './csv';
import { writeXlsxExport } from './xlsx';

export type ExportFormat = 'json' | 'csv' | 'csv-wide' | 'xlsx';

export const EXPORTERS: Readonly<Record<ExportFormat, (db: Db, file: string) => number | Promise<number>>> = {
  json: writeJsonExport,
  xlsx: writeXlsxExport,
  csv: (db, file) => writeCsvExport(db, file, 'long'),
  'csv-wide': (db, file) => writeCsvExport(db, file, 'wide'),
};

const EXTENSION: Record<ExportFormat, string> = { json: 'json', xlsx: 'xlsx', csv: 'csv', 'csv-wide': 'csv' };

/** <home>/exports/年报导出-20261123-044500.xlsx */
export function defaultExportPath(home: string, format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join(home, 'exports', `年报导出-${stamp}${format === 'csv-wide' ? '-wide' : ''}.${EXTENSION[format]}`);
}
