import { distance } from 'fastest-levenshtein';

/**
 * Levenshtein similarity of two strings in 0..1: 1 − edits / longer length
 * (fastest-levenshtein). Two empty strings are identical.
 */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/**
 * The number of single-character edits between two strings
 * (fastest-levenshtein), counting one swap of two neighbouring letters as
 * one edit, the commonest typo ("Zelenksy", "Kieth"), which plain
 * Levenshtein counts as two.
 */
export function editDistance(a: string, b: string): number {
  const edits = distance(a, b);
  return edits === 2 && isAdjacentSwap(a, b) ? 1 : edits;
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
