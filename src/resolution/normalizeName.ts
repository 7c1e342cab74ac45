/**
 * The form names and aliases are compared in: accents removed, lower case,
 * every run of punctuation, dashes (hyphen, en dash, em dash …) or space
 * folded to one space, apostrophes dropped. "Trump–Putin summit" and
 * "Trump-Putin summit" share a key, as do "Vólodymyr Zelensky" and
 * "volodymyr  zelensky"; "U.S." becomes "u s". The graph stores this key as
 * `nameKey` / `aliasKeys`, so changing it means re-keying the graph.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Replaces every Unicode dash (en dash, em dash, minus, figure dash …) by an
 * ASCII hyphen, so that text typed with a hyphen finds a name written with
 * an en dash in substring filters that do not go through normalizeName.
 */
export function foldDashes(text: string): string {
  return text.replace(/[\p{Pd}\u2212]/gu, '-');
}
