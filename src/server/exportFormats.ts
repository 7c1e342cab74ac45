/** The formats of POST /analyst/export: a content type, the head of the file and one line per row. */
export interface ExportFormat {
  contentType: string;
  head(columns: string[]): string;
  line(row: Record<string, unknown>, columns: string[]): string;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; lists and maps as JSON. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  csv: {
    contentType: 'text/csv; charset=utf-8',
    head: (columns) => `${columns.map(csvField).join(',')}\r\n`,
    line: (row, columns) => `${columns.map((column) => csvField(row[column])).join(',')}\r\n`,
  },
  ndjson: {
    contentType: 'application/x-ndjson; charset=utf-8',
    head: () => '',
    line: (row) => `${JSON.stringify(row)}\n`,
  },
};
