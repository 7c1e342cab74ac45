import { personNameParts } from './personNameParts';
import { normalizeName } from './normalizeName';
import { transliterationKey } from './transliterationKey';

/** Words shorter than this are not searched fuzzily: "UN~" would match half the index. */
const MIN_FUZZY_LENGTH = 4;
/** At most this many words per mention reach Lucene. */
const MAX_WORDS = 12;

/**
 * The Lucene query that gathers candidates for a mention's names from the
 * `entity_fulltext` index: every word of every name (and its
 * transliteration key), fuzzily (two edits), restricted to the name and
 * alias fields. Words come from normalizeName, so they are letters and
 * digits only and need no escaping. Null when there is no word.
 */
export function candidateQuery(names: readonly string[]): string | null {
  const words = new Set<string>();
  for (const name of names) {
    for (const word of [...normalizeName(name).split(' '), ...transliterationKey(name).split(' ')]) {
      if (word) words.add(word);
    }
    const parts = personNameParts(name);
    if (parts) words.add(parts.surname);
  }
  const terms = [...words].slice(0, MAX_WORDS).map((w) => (w.length >= MIN_FUZZY_LENGTH ? `${w}~2` : w));
  if (!terms.length) return null;
  const any = terms.join(' OR ');
  return `name:(${any}) OR aliasesText:(${any})`;
}
