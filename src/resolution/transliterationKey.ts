import { normalizeName } from './normalizeName';

/**
 * Folds the spellings that transliteration from Cyrillic (and English
 * habits) produce for one name onto one key, word by word, after
 * normalizeName:
 * - endings -y, -i, -iy, -yy, -ii, -yi, -ij → y ("Zelensky", "Zelenskyy",
 *   "Zelenskiy", "Zelenskyi"; "Yuri", "Yuriy", "Yury");
 * - ks → x, w → v, ph → f, kh → h, j → y, ck → k, and y → i inside a
 *   word ("Volodimir", "Volodymyr"; "Mariya", "Maria");
 * - doubled letters → one ("Witkoff", "Witkof").
 * Two spellings with the same key are treated as one name; different
 * letters elsewhere still count as differences.
 */
export function transliterationKey(name: string): string {
  return normalizeName(name).split(' ').filter(Boolean).map(foldWord).join(' ');
}

function foldWord(word: string): string {
  let w = word.replace(/ks/g, 'x').replace(/ck/g, 'k').replace(/ph/g, 'f').replace(/kh/g, 'h').replace(/w/g, 'v').replace(/j/g, 'y');
  // Only words of some length get their ending folded: "yi" or "ii" alone are not transliterated endings.
  if (w.length > 3) w = w.replace(/(iy|yy|ii|yi|i|y)$/, 'y');
  // Inside a word, i and y stand for the same Cyrillic letters ("Volodimir" / "Volodymyr", "Mariya" / "Maria").
  w = w.slice(0, -1).replace(/y/g, 'i') + w.slice(-1);
  return w.replace(/(\p{L})\1+/gu, '$1');
}
