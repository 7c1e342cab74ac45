import path from 'node:path';
import type { Db } from '../../src/db';
import { SeedValidationError, checkSeedInputs, defaultSeedFiles, loadSeedDocuments, loadSeedFiles, readSeedFiles } from '../../src/ingest';
import { graphCandidateSource, resolveMentions } from '../../src/resolution';
import { cleanSeedFixtures } from '../harness/cleanSeedFixtures';
import { openTestDb } from '../harness/testDb';
import { graphFingerprint } from './seedGraphChecksum';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

/** Removes what this file's fixtures add, and the names they added as aliases of seeded persons. */
async function clean(db: Db): Promise<void> {
  for (const prefix of ['fixture-followup-', 'fixture-surname-', 'fixture-review-']) {
    await cleanSeedFixtures(db, prefix, ['Vladimir V. Putin', 'Zelenskyy', 'Steven Witkoff']);
  }
}

const persons = async (db: Db) => (await db.read<{ n: number }>('test', 'MATCH (p:Person) RETURN count(p) AS n'))[0].n;

describe('entity resolution in the seed loader', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await clean(db);
    await db.close();
  });

  it('joins "Witkoff", "Vladimir V. Putin" and "Zelenskyy" to the seeded persons: 0 new persons', async () => {
    const before = await graphFingerprint(db);
    const people = await persons(db);
    const summary = await loadSeedFiles(db, [fixture('follow-up-document.yaml')]);
    expect(summary.entities.Person).toEqual({ created: 0, updated: 3, unchanged: 0 });
    expect(await persons(db)).toBe(people);
    const participants = await db.read<{ id: string }>(
      'test',
      "MATCH (p:Person)-[:PARTICIPANT_IN]->(:Meeting {id: 'fixture-followup-meeting'}) RETURN p.id AS id ORDER BY id",
    );
    expect(participants.map((p) => p.id)).toEqual(['steve-witkoff', 'vladimir-putin', 'volodymyr-zelensky']);
    const [putin] = await db.read<{ name: string; aliases: string[] }>(
      'test',
      "MATCH (p:Person {id: 'vladimir-putin'}) RETURN p.name AS name, p.aliases AS aliases",
    );
    expect(putin.name).toBe('Vladimir Putin');
    expect(putin.aliases).toContain('Vladimir V. Putin');
    await clean(db);
    const [restored] = await db.read<{ aliases: string[] }>('test', "MATCH (p:Person {id: 'vladimir-putin'}) RETURN p.aliases AS aliases");
    expect(restored.aliases).toEqual(['Putin']);
    expect((await graphFingerprint(db)).nodes).toBe(before.nodes);
  });

  it('never merges a different person who shares a surname', async () => {
    const people = await persons(db);
    const summary = await loadSeedFiles(db, [fixture('shared-surname-document.yaml')]);
    expect(summary.entities.Person).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await persons(db)).toBe(people + 2);
    const [zelensky] = await db.read<{ aliases: string[]; sources: string[] }>(
      'test',
      "MATCH (p:Person {id: 'volodymyr-zelensky'}) RETURN p.aliases AS aliases, p.sources AS sources",
    );
    expect(zelensky.aliases).not.toContain('Maria Zelensky');
    expect(zelensky.sources).toEqual(['article-trump-putin-summit']);
    await clean(db);
  });

  it('stops for review between the thresholds, listing candidates, and lets the document decide', async () => {
    const before = await graphFingerprint(db);
    const beforeVersionless = await graphFingerprint(db, { ignore: ['version'] });
    const doc = (extra: string) => `format: diplograph-seed/1
document: { id: fixture-review-doc }
defaults: { sources: [fixture-review-source] }
entities:
  - { id: fixture-review-source, type: Source, name: Fixture review source }
  - { id: fixture-review-steven, type: Person, name: Steven Witkoff${extra} }
`;
    const error = await loadSeedDocuments(db, [{ file: 'review.yaml', text: doc('') }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const [problem] = (error as SeedValidationError).problems;
    expect(problem.path).toBe('entities[1].name');
    expect(problem.message).toMatch(/needs review.*steve-witkoff "Steve Witkoff" 0\.75.*sameAs.*distinctFrom: \[steve-witkoff\]/);
    expect(await graphFingerprint(db)).toEqual(before);

    const same = await loadSeedDocuments(db, [{ file: 'review.yaml', text: doc(', sameAs: steve-witkoff') }]);
    expect(same.entities.Person).toEqual({ created: 0, updated: 1, unchanged: 0 });
    await clean(db);
    // The join changed steve-witkoff, so its version moved on (versions never go back); all else is as before.
    expect(await graphFingerprint(db, { ignore: ['version'] })).toEqual(beforeVersionless);
    const afterSame = await graphFingerprint(db);

    const distinct = await loadSeedDocuments(db, [{ file: 'review.yaml', text: doc(', distinctFrom: [steve-witkoff]') }]);
    expect(distinct.entities.Person).toEqual({ created: 1, updated: 0, unchanged: 0 });
    await clean(db);
    // distinctFrom leaves steve-witkoff alone: not even its version moves.
    expect(await graphFingerprint(db)).toEqual(afterSame);
  });

  it('resolves through the graph source the way the write API and reconciliation will call it', async () => {
    const source = graphCandidateSource((name, query, params) => db.read(name, query, params));
    const outcomes = await resolveMentions(source, [
      { key: 'a', type: 'Person', name: 'Witkof' },
      { key: 'b', type: 'Person', name: 'V. Putin' },
      { key: 'c', type: 'Person', name: 'Zelenskyy' },
      { key: 'd', type: 'Organization', name: 'Kremlin' },
      { key: 'e', type: 'Person', name: 'Donald Putin' },
    ]);
    expect(outcomes.map((o) => [o.key, o.outcome, o.outcome === 'match' ? o.targetId : null])).toEqual([
      ['a', 'match', 'steve-witkoff'],
      ['b', 'match', 'vladimir-putin'],
      ['c', 'match', 'volodymyr-zelensky'],
      ['d', 'match', 'kremlin'],
      ['e', 'create', null],
    ]);
  });

  it('seed --check reports a review case without a database', async () => {
    const reviewDoc = `format: diplograph-seed/1
document: { id: fixture-review-doc }
defaults: { sources: [fixture-review-source] }
entities:
  - { id: fixture-review-source, type: Source, name: Fixture review source }
  - { id: fixture-review-steven, type: Person, name: Steven Witkoff }
`;
    const inputs = [...readSeedFiles(defaultSeedFiles()), { file: 'review.yaml', text: reviewDoc }];
    const error = await checkSeedInputs(inputs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).problems.map((p) => [p.file, p.path])).toEqual([['review.yaml', 'entities[1].name']]);
    await expect(checkSeedInputs([...readSeedFiles(defaultSeedFiles()), ...readSeedFiles([fixture('follow-up-document.yaml')])])).resolves.toHaveLength(2);
  });
});
