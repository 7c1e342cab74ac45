import {
  memoryCandidateSource,
  normalizeName,
  personNameParts,
  resolveMentions,
  scoreCandidate,
  transliterationKey,
  type Candidate,
} from '../../src/resolution';

const person = (id: string, name: string, aliases: string[] = [], relatedIds: string[] = []): Candidate => ({
  id,
  type: 'Person',
  name,
  aliases,
  relatedIds,
});

describe('normalizeName', () => {
  it('folds case, diacritics, hyphens and en dashes, and punctuation', () => {
    expect(normalizeName('Trump–Putin Summit')).toBe('trump putin summit');
    expect(normalizeName('Trump-Putin summit')).toBe('trump putin summit');
    expect(normalizeName('  Vólodymyr   ZELENSKY ')).toBe('volodymyr zelensky');
    expect(normalizeName('U.S.')).toBe('u s');
  });
});

describe('transliterationKey', () => {
  it.each([
    ['Zelensky', 'Zelenskyy'],
    ['Zelensky', 'Zelenskiy'],
    ['Zelensky', 'Zelenskyi'],
    ['Yuri', 'Yuriy'],
    ['Volodymyr', 'Wolodymyr'],
    ['Witkoff', 'Witkof'],
    ['Aleksandr', 'Alexandr'],
  ])('%s and %s share a key', (a, b) => expect(transliterationKey(a)).toBe(transliterationKey(b)));

  it.each([
    ['Putin', 'Pution'],
    ['Maria', 'Mario'],
    ['Iran', 'Iraq'],
  ])('%s and %s stay apart', (a, b) => expect(transliterationKey(a)).not.toBe(transliterationKey(b)));
});

describe('personNameParts', () => {
  it('drops honorifics and middle initials, keeps a leading initial', () => {
    expect(personNameParts('President Vladimir V. Putin')).toEqual({
      given: 'vladimir',
      givenInitial: 'v',
      surname: 'putin',
      middles: [],
      surnameOnly: false,
    });
    expect(personNameParts('V. Putin')).toEqual({ given: null, givenInitial: 'v', surname: 'putin', middles: [], surnameOnly: false });
    expect(personNameParts('Mr. Witkoff')).toEqual({ given: null, givenInitial: null, surname: 'witkoff', middles: [], surnameOnly: true });
  });
});

describe('scoreCandidate', () => {
  const putin = person('vladimir-putin', 'Vladimir Putin', ['Putin']);
  const score = (name: string, candidate = putin, surnameCount = 1) => scoreCandidate({ key: 'k', type: 'Person', name }, candidate, surnameCount).score;

  it('scores exact names and aliases 1, transliterations and initials above 0.9', () => {
    expect(score('vladimir putin')).toBe(1);
    expect(score('Putin')).toBe(1);
    expect(score('Vladimir V. Putin')).toBeGreaterThanOrEqual(0.9);
    expect(score('V. Putin')).toBeGreaterThanOrEqual(0.9);
    expect(score('Wladimir Putin')).toBeGreaterThanOrEqual(0.9);
  });

  it('never scores a different given name with the same surname into the review zone or above', () => {
    expect(score('Donald Putin')).toBeLessThan(0.5);
    expect(score('D. Putin')).toBeLessThan(0.5);
  });

  it('trusts a surname alone only when one person of the type has it', () => {
    const witkoff = person('steve-witkoff', 'Steve Witkoff');
    expect(score('Witkoff', witkoff, 1)).toBeGreaterThanOrEqual(0.9);
    expect(score('Witkoff', witkoff, 2)).toBeLessThan(0.9);
  });

  it('adds context from shared neighbours only inside the review zone', () => {
    const steve = person('steve-witkoff', 'Steve Witkoff', [], ['donald-trump']);
    const plain = scoreCandidate({ key: 'k', type: 'Person', name: 'Steven Witkoff' }, steve).score;
    const withContext = scoreCandidate({ key: 'k', type: 'Person', name: 'Steven Witkoff', relatedIds: ['donald-trump'] }, steve).score;
    expect(withContext).toBeGreaterThan(plain);
    expect(withContext).toBeLessThan(0.9);
  });

  it('matches descriptive types (statements, meetings) only on exact names', () => {
    const meeting: Candidate = { id: 'm', type: 'Meeting', name: 'Trump–Putin summit', aliases: [], relatedIds: [] };
    expect(scoreCandidate({ key: 'k', type: 'Meeting', name: 'Trump-Putin summit' }, meeting).score).toBe(1);
    expect(scoreCandidate({ key: 'k', type: 'Meeting', name: 'Trump-Putin summits' }, meeting).score).toBe(0);
  });
});

describe('resolveMentions', () => {
  const source = memoryCandidateSource([
    person('volodymyr-zelensky', 'Volodymyr Zelensky', ['Zelensky']),
    person('olena-zelenska', 'Olena Zelenska'),
    person('steve-witkoff', 'Steve Witkoff', ['Witkoff']),
  ]);

  it('matches, creates or sends to review, and honours sameAs and distinctFrom', async () => {
    const outcomes = await resolveMentions(source, [
      { key: 'a', type: 'Person', name: 'Zelenskyy' },
      { key: 'b', type: 'Person', name: 'Maria Zelensky' },
      { key: 'c', type: 'Person', name: 'Steven Witkoff' },
      { key: 'd', type: 'Person', name: 'Steven Witkoff', sameAs: 'steve-witkoff' },
      { key: 'e', type: 'Person', name: 'Steven Witkoff', distinctFrom: ['steve-witkoff'] },
      { key: 'f', type: 'Person', name: 'Someone', sameAs: 'nobody' },
      { key: 'g', type: 'Person', name: 'Steve Witkoff', id: 'volodymyr-zelensky' },
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['match', 'create', 'review', 'match', 'create', 'invalid', 'match']);
    expect(outcomes[0]).toMatchObject({ targetId: 'volodymyr-zelensky', via: 'fuzzy' });
    expect(outcomes[2].candidates[0]).toMatchObject({ id: 'steve-witkoff', score: 0.75 });
    expect(outcomes[6]).toMatchObject({ targetId: 'volodymyr-zelensky', via: 'id' });
  });

  it('sends an alias two entities share to review instead of picking one', async () => {
    const two = memoryCandidateSource([person('a', 'Ann Smith', ['Smith']), person('b', 'Bob Smith', ['Smith'])]);
    const [outcome] = await resolveMentions(two, [{ key: 'k', type: 'Person', name: 'Smith' }]);
    expect(outcome.outcome).toBe('review');
  });
});
