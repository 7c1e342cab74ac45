/** Characters the Lucene query parser gives a meaning to; escaped wherever a term is written. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** More words than this are ignored: every word adds three clauses, and Lucene refuses queries of over 1,024. */
export const MAX_SEARCH_WORDS = 16;
/** Longer words are cut: fuzzy matching of very long terms is slow and never what was meant. */
const MAX_WORD_LENGTH = 64;
/** Fuzzy matching of shorter words finds too much noise ("UN~" would match "us", "in" ...). */
const MIN_FUZZY_LENGTH = 4;

/** Escapes a term so the Lucene query parser reads it literally. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Splits user text into words (runs of letters and digits, lower-cased),
 * at most MAX_SEARCH_WORDS of them. Everything else (quotes, colons,
 * brackets, `*`, backslashes) separates words, so no part of the input can
 * reach the parser as syntax. `AND`/`OR` become the plain words "and"/"or":
 * Lucene operators are upper-case only.
 */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, MAX_SEARCH_WORDS).map((word) => word.slice(0, MAX_WORD_LENGTH));
}

/**
 * Builds the Lucene query of a search: for every word, the exact term
 * (boosted most), the prefix (word*) and, for longer words, the fuzzy term
 * (word~, up to two edits: "witkof" finds "witkoff"). Words are OR-ed, so
 * more matching words rank higher without any one being required.
 * Returns null when there is no word to search for.
 */
export function luceneQuery(text: string): string | null {
  const words = searchWords(text);
  if (!words.length) return null;
  return words
    .map((word) => {
      const term = escapeLucene(word);
      const parts = [`${term}^4`, `${term}*^2`];
      if ([...word].length >= MIN_FUZZY_LENGTH) parts.push(`${term}~`);
      return `(${parts.join(' OR ')})`;
    })
    .join(' OR ');
}
