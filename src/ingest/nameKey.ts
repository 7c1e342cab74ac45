/**
 * The form names and aliases are compared in when resolving entities:
 * accents removed, lower case, every run of punctuation or space folded to
 * one space. "Volodymyr Zelensky", "volodymyr  zelensky" and
 * "Vólodymyr-Zelensky" share a key; "U.S." becomes "u s".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
