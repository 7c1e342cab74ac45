/** A significant token of Cypher text: what is left once strings' contents and comments are set aside. */
export interface CypherToken {
  kind: 'word' | 'quotedName' | 'string' | 'parameter' | 'symbol';
  /** The token's text; for words NFKC-normalised and upper-cased, so `ｕｓｅ` and `use` both read `USE`. */
  text: string;
  /** Offset of the token's first character in the original text (0-based). */
  offset: number;
}

/**
 * Splits Cypher text into tokens for the textual guard layer. It knows the
 * lexical rules that can hide text: '…' and "…" strings with backslash
 * escapes, `…` quoted names (`` doubles a backtick), // line comments and
 * /* block comments *\/. Everything inside strings and comments is skipped,
 * so a `;` or `USE` there is never mistaken for syntax, and a keyword split
 * by a comment (`US/**\/E`) is two words, as the server reads it.
 *
 * This is not a parser and does not need to be one: the textual layer only
 * adds refusals on top of the plan-based check, which is the authority. An
 * unterminated string or comment swallows the rest of the text, which the
 * server then rejects as a syntax error.
 */
export function scanCypher(text: string): CypherToken[] {
  const tokens: CypherToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (/\s/u.test(c)) {
      i += 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i += 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      i += 1;
      while (i < n && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i += 1;
      tokens.push({ kind: 'string', text: text.slice(start, Math.min(i, n)), offset: start });
    } else if (c === '`') {
      const start = i;
      let name = '';
      i += 1;
      while (i < n) {
        if (text[i] === '`' && text[i + 1] === '`') {
          name += '`';
          i += 2;
        } else if (text[i] === '`') {
          i += 1;
          break;
        } else {
          name += text[i];
          i += 1;
        }
      }
      tokens.push({ kind: 'quotedName', text: name, offset: start });
    } else if (c === '$') {
      const start = i;
      i += 1;
      let name = '';
      if (text[i] === '`') {
        i += 1;
        while (i < n && text[i] !== '`') name += text[i++];
        i += 1;
      } else {
        while (i < n && /[\p{L}\p{N}_]/u.test(text[i])) name += text[i++];
      }
      tokens.push({ kind: 'parameter', text: name, offset: start });
    } else if (/[\p{L}\p{N}_]/u.test(c)) {
      const start = i;
      while (i < n && /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Cf}_]/u.test(text[i])) i += 1;
      // Format characters (zero-width spaces, joiners) are dropped before comparing: conservative, as this layer only refuses.
      const word = text.slice(start, i).normalize('NFKC').replace(/\p{Cf}/gu, '').toUpperCase();
      tokens.push({ kind: 'word', text: word, offset: start });
    } else {
      tokens.push({ kind: 'symbol', text: c, offset: i });
      i += 1;
    }
  }
  return tokens;
}

/** Line and column (both 1-based) of an offset, for messages. */
export function positionOf(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, offset };
}
