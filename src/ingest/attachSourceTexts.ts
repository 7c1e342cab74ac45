import fs from 'node:fs';
import path from 'node:path';
import type { SeedPlan } from './buildSeedPlan';
import { seedDocumentsDir } from './defaultSeedFiles';

/** The one folder a Source's `file` may name: the texts kept beside the seed. */
export const seedSourcesDir = path.join(path.dirname(seedDocumentsDir), 'sources');

/**
 * Collects the words of each Source, given as its `text` or in the `file`
 * it names (under seed/sources/), into `plan.sourceTexts`, so that quotes
 * asserted from that source later (the write API's assertRelation) can be
 * checked verbatim against them. The words are kept on a :SourceText node
 * of their own, not on the Source, so that reads of sources (every
 * evidence of every relation) do not carry whole articles. A path outside
 * seed/sources/ or an unreadable file is a problem, never a read elsewhere:
 * documents also arrive through the API.
 */
export function attachSourceTexts(plan: SeedPlan): string[] {
  const problems: string[] = [];
  for (const row of plan.entities.Source ?? []) {
    const { file, text } = row.props;
    delete row.props.text;
    if (typeof text === 'string') {
      (plan.sourceTexts ??= []).push({ id: row.id, text });
      continue;
    }
    if (typeof file !== 'string') continue;
    const absolute = path.resolve(path.dirname(seedSourcesDir), '..', file);
    const inside = path.relative(seedSourcesDir, absolute);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      problems.push(`source "${row.id}": file ${JSON.stringify(file)} is not under seed/sources/`);
      continue;
    }
    try {
      (plan.sourceTexts ??= []).push({ id: row.id, text: fs.readFileSync(absolute, 'utf8') });
    } catch (error) {
      problems.push(`source "${row.id}": cannot read file ${JSON.stringify(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  return problems;
}
