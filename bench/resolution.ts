import { memoryCandidateSource, resolveMentions, DEFAULT_THRESHOLDS } from '../src/resolution';
import { GALLERY } from './resolution/gallery';
import { LABELLED_PAIRS } from './resolution/labelledPairs';

/**
 * `npm run bench:resolution`: resolves every labelled mention of
 * bench/resolution/labelledPairs.ts against the gallery with the default
 * thresholds (through the same resolveMentions every way in uses, over an
 * in-memory candidate source, so it needs no database) and prints, per
 * category and overall, the precision and recall of automatic matches and
 * the share sent to review. Precision counts a match to the wrong entity,
 * or a match of a mention labelled "someone else", as false. Lists every
 * miss, so a regression shows which name broke. Exits 1 below precision 1.0
 * or recall 0.9.
 */
async function main(): Promise<void> {
  const source = memoryCandidateSource(GALLERY);
  const outcomes = await resolveMentions(
    source,
    LABELLED_PAIRS.map((pair, i) => ({ key: String(i), type: pair.type, name: pair.mention })),
  );
  type Tally = { pairs: number; positives: number; matched: number; correct: number; review: number };
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  LABELLED_PAIRS.forEach((pair, i) => {
    const outcome = outcomes[i];
    for (const key of [pair.category, 'all']) {
      const t = tallies.get(key) ?? { pairs: 0, positives: 0, matched: 0, correct: 0, review: 0 };
      t.pairs += 1;
      if (pair.expected) t.positives += 1;
      if (outcome.outcome === 'match') {
        t.matched += 1;
        if (outcome.targetId === pair.expected) t.correct += 1;
      }
      if (outcome.outcome === 'review') t.review += 1;
      tallies.set(key, t);
    }
    const got = outcome.outcome === 'match' ? outcome.targetId : outcome.outcome;
    // WRONG: merged into the wrong entity (or merged someone else); review: a person decides; new: a duplicate would be created.
    const label =
      outcome.outcome === 'match'
        ? outcome.targetId === pair.expected
          ? null
          : 'WRONG '
        : pair.expected === null
          ? null
          : outcome.outcome === 'review'
            ? 'review'
            : 'new   ';
    const best = outcome.candidates[0];
    if (label)
      misses.push(
        `  ${label} ${pair.type} "${pair.mention}": expected ${pair.expected ?? 'none'}, got ${got}${best ? ` (best ${best.id} ${best.score})` : ''}`,
      );
  });

  const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const ratio = (n: number, d: number) => (d === 0 ? '  -  ' : (n / d).toFixed(3));
  process.stdout.write(
    `bench:resolution — ${LABELLED_PAIRS.length} labelled pairs, thresholds match ≥ ${DEFAULT_THRESHOLDS.match}, create < ${DEFAULT_THRESHOLDS.create}\n\n`,
  );
  process.stdout.write(
    '| category | pairs | same entity | auto matches | precision | recall | sent to review |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n',
  );
  for (const [key, t] of [...tallies].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
    process.stdout.write(
      `| ${key} | ${t.pairs} | ${t.positives} | ${t.matched} | ${ratio(t.correct, t.matched)} | ${ratio(t.correct, t.positives)} | ${pct(t.review, t.pairs)} |\n`,
    );
  }
  if (misses.length)
    process.stdout.write(`\nNot matched automatically (review: a person decides; new: would duplicate; WRONG: a false merge):\n${misses.join('\n')}\n`);
  const all = tallies.get('all')!;
  const precision = all.matched ? all.correct / all.matched : 1;
  const recall = all.correct / all.positives;
  process.stdout.write(
    `\nprecision ${precision.toFixed(3)} (target 1.000), recall ${recall.toFixed(3)} (target ≥ 0.900), review ${pct(all.review, all.pairs).trim()}\n`,
  );
  if (precision < 1 || recall < 0.9) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:resolution failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
});
