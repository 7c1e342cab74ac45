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
 * /* block comments *\/. It first decodes \\uXXXX escapes everywhere, as
 * the server does (`\\u0053ET` is SET to it). Everything inside strings and comments is skipped,
 * so a `;` or `USE` there is never mistaken for syntax, and a keyword split
 * by a comment (`US/**\/E`) is two words, as the server reads it.
 *
 * This is not a parser and does not need to be one: the textual layer only
 * adds refusals on top of the plan-based check, which is the authority. An
 * unterminated string or comment swallows the rest of the text, which the
 * server then rejects as a syntax error.
 */
export function scanCypher(original: string): CypherToken[] {
  const { text, origin } = decodeUnicodeEscapes(original);
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
      const word = text
        .slice(start, i)
        .normalize('NFKC')
        .replace(/\p{Cf}/gu, '')
        .toUpperCase();
      tokens.push({ kind: 'word', text: word, offset: start });
    } else {
      tokens.push({ kind: 'symbol', text: c, offset: i });
      i += 1;
    }
  }
  // Offsets point into the analyst's own text, not the decoded one.
  return tokens.map((token) => ({ ...token, offset: origin[token.offset] }));
}

/**
 * Decodes every `\uXXXX` escape, as the server does before it reads the
 * query (like Java source): `\u0053ET` is SET, `\u003B` a statement
 * separator, `\u0027` a quote. A backslash that is itself escaped (an odd
 * run of backslashes before the `u` is needed) starts no escape. `origin`
 * maps each decoded index back to the index in the original text.
 */
export function decodeUnicodeEscapes(original: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  let backslashes = 0;
  for (let i = 0; i < original.length;) {
    const hex = original.slice(i + 2, i + 6);
    if (original[i] === '\\' && backslashes % 2 === 0 && original[i + 1] === 'u' && /^[0-9A-Fa-f]{4}$/.test(hex)) {
      text += String.fromCharCode(parseInt(hex, 16));
      origin.push(i);
      i += 6;
      backslashes = 0;
      continue;
    }
    backslashes = original[i] === '\\' ? backslashes + 1 : 0;
    text += original[i];
    origin.push(i);
    i += 1;
  }
  origin.push(original.length);
  return { text, origin };
}

/** Line and column (both 1-based) of an offset, for messages. */
export function positionOf(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, offset };
}
