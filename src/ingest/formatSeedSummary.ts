import type { SeedCounts, SeedSummary } from './loadSeedDocuments';

/**
 * The summary as a small table, one line per label and per relationship
 * type, for the CLI and the start-up log.
 */
export function formatSeedSummary(summary: SeedSummary): string {
  const lines = [`Seeded ${summary.files.length} document${summary.files.length === 1 ? '' : 's'}.`];
  const section = (title: string, counts: Record<string, SeedCounts>) => {
    const entries = Object.entries(counts);
    if (!entries.length) return;
    const width = Math.max(title.length, ...entries.map(([name]) => name.length));
    lines.push(`${title.padEnd(width)}  created  updated  unchanged`);
    const total = { created: 0, updated: 0, unchanged: 0 };
    for (const [name, c] of entries) {
      lines.push(`${name.padEnd(width)}  ${pad(c.created, 7)}  ${pad(c.updated, 7)}  ${pad(c.unchanged, 9)}`);
      total.created += c.created;
      total.updated += c.updated;
      total.unchanged += c.unchanged;
    }
    lines.push(`${'total'.padEnd(width)}  ${pad(total.created, 7)}  ${pad(total.updated, 7)}  ${pad(total.unchanged, 9)}`);
  };
  section('entities', summary.entities);
  section('relationships', summary.relations);
  return lines.join('\n');
}

const pad = (n: number, width: number) => String(n).padStart(width);
