import { checkQueryText, MAX_QUERY_LENGTH } from '../../src/cypher-sandbox/checkQueryText';
import { decodeUnicodeEscapes, scanCypher } from '../../src/cypher-sandbox/scanCypher';

function codeOf(query: string): string | undefined {
  try {
    checkQueryText(query);
    return undefined;
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
}

describe('scanCypher', () => {
  it('skips strings, comments and quoted names', () => {
    const tokens = scanCypher("MATCH (n) // USE system; \n /* ; USE x */ WHERE n.x = ';USE y' RETURN n AS `USE z`");
    expect(tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toEqual(['MATCH', 'N', 'WHERE', 'N', 'X', 'RETURN', 'N', 'AS']);
    expect(tokens.some((t) => t.text === ';')).toBe(false);
  });
  it('normalises words: casing, full-width letters, zero-width characters', () => {
    expect(scanCypher('uSe ＵＳＥ U\u200BSE').map((t) => t.text)).toEqual(['USE', 'USE', 'USE']);
  });
  it('decodes unicode escapes as the server does, keeping offsets in the original text', () => {
    const tokens = scanCypher('RETURN \\u0027a\\u0027 \\u0055SE');
    expect(tokens.map((t) => [t.kind, t.text, t.offset])).toEqual([
      ['word', 'RETURN', 0],
      ['string', "'a'", 7],
      ['word', 'USE', 21],
    ]);
    expect(decodeUnicodeEscapes('\\\\u0041').text).toBe('\\\\u0041');
  });
  it('reads parameters, including quoted ones', () => {
    expect(
      scanCypher('RETURN $a, $`b c`, $0')
        .filter((t) => t.kind === 'parameter')
        .map((t) => t.text),
    ).toEqual(['a', 'b c', '0']);
  });
  it('handles escaped quotes inside strings', () => {
    expect(scanCypher("RETURN 'it\\'s; fine' AS s").filter((t) => t.text === ';')).toEqual([]);
  });
});

describe('checkQueryText, the textual guard layer', () => {
  it.each([
    'MATCH (n) RETURN n',
    'RETURN 1;',
    'RETURN 1; // trailing comment',
    "RETURN ';' AS semicolon",
    'MATCH (use) RETURN use',
    'MATCH (n) RETURN n.use AS use',
    'WITH 1 AS use MATCH (n) RETURN use, n LIMIT 1',
    'RETURN {use: 1} AS m',
    'RETURN $use',
    "MATCH (n) WHERE n.name = 'USE system' RETURN n",
    'CYPHER 5 MATCH (n) RETURN n',
  ])('lets through %j', (query) => {
    expect(codeOf(query)).toBeUndefined();
  });

  it.each([
    ['USE system MATCH (n) RETURN n', 'FORBIDDEN'],
    ['use neo4j MATCH (n) RETURN n', 'FORBIDDEN'],
    ['USE `system` RETURN 1', 'FORBIDDEN'],
    ['CALL { USE system RETURN 1 AS x } RETURN x', 'FORBIDDEN'],
    ['/* x */USE/* y */system RETURN 1', 'FORBIDDEN'],
    ['\\u0055SE system RETURN 1', 'FORBIDDEN'],
    ['ＵＳＥ system RETURN 1', 'FORBIDDEN'],
    ['RETURN 1; RETURN 2', 'BAD_USER_INPUT'],
    ['RETURN 1 \\u003B RETURN 2', 'BAD_USER_INPUT'],
    ['RETURN 1 /* a */ ; /* b */ MATCH (n) DELETE n', 'BAD_USER_INPUT'],
    ['EXPLAIN MATCH (n) RETURN n', 'BAD_USER_INPUT'],
    ['profile MATCH (n) RETURN n', 'BAD_USER_INPUT'],
    ['', 'BAD_USER_INPUT'],
    ['   \n  ', 'BAD_USER_INPUT'],
    ['RETURN 1 ' + ' '.repeat(MAX_QUERY_LENGTH), 'BAD_USER_INPUT'],
  ])('refuses %j with %s', (query, code) => {
    expect(codeOf(query)).toBe(code);
  });

  it('points at the second statement', () => {
    expect(() => checkQueryText('RETURN 1;\n  RETURN 2')).toThrow(/line 2, column 3/);
  });
  it('names the USE clause and where it is', () => {
    try {
      checkQueryText('MATCH (n)\nCALL { USE system RETURN 1 AS x } RETURN x');
      throw new Error('not refused');
    } catch (error) {
      expect((error as Error).message).toMatch(/USE clause \(line 2, column 8\)/);
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({ refused: 'USE', argument: 'query' });
    }
  });
});
