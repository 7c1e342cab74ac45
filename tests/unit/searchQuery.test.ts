import { MAX_SEARCH_WORDS, escapeLucene, luceneQuery, searchWords } from '../../src/search';

describe('full-text query building', () => {
  it('matches each word exactly, as a prefix and, from four letters, fuzzily', () => {
    expect(luceneQuery('Witkof')).toBe('(witkof^4 OR witkof*^2 OR witkof~)');
    expect(luceneQuery('UN envoy')).toBe('(un^4 OR un*^2) OR (envoy^4 OR envoy*^2 OR envoy~)');
  });

  it('turns query syntax into plain words: operators, fields, quotes, wildcards, escapes', () => {
    expect(luceneQuery('a:b OR c~')).toBe('(a^4 OR a*^2) OR (b^4 OR b*^2) OR (or^4 OR or*^2) OR (c^4 OR c*^2)');
    expect(luceneQuery('name:"Putin" AND (Trump)')).toBe(
      '(name^4 OR name*^2 OR name~) OR (putin^4 OR putin*^2 OR putin~) OR (and^4 OR and*^2) OR (trump^4 OR trump*^2 OR trump~)',
    );
    for (const text of ['"', ':', '*', '(', '\\', '\\\\', '[]{}', '~^', '&&||!', '   ', '']) expect(luceneQuery(text)).toBeNull();
  });

  it('keeps letters of every script and digits, lower-cased', () => {
    expect(searchWords('Зеленський 2022 Ushakov’s')).toEqual(['зеленський', '2022', 'ushakov', 's']);
  });

  it('bounds the query: at most MAX_SEARCH_WORDS words, each at most 64 characters', () => {
    const words = searchWords('word '.repeat(500));
    expect(words).toHaveLength(MAX_SEARCH_WORDS);
    expect(searchWords('x'.repeat(1000))[0]).toHaveLength(64);
  });

  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });
});
