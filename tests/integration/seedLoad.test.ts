import path from 'node:path';
import type { Db } from '../../src/db';
import { SeedValidationError, defaultSeedFiles, loadSeedFiles, type SeedSummary } from '../../src/ingest';
import { cleanSeedFixtures } from '../harness/cleanSeedFixtures';
import { openTestDb } from '../harness/testDb';
import { graphFingerprint } from './seedGraphChecksum';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

const IGNORE_VERSIONS = { ignore: ['version'] };

/** Undoes what this file's fixtures add (all their ids start with "fixture-"). */
const cleanFixtures = (db: Db) => cleanSeedFixtures(db, 'fixture-');

const totals = (counts: SeedSummary['entities']) =>
  Object.values(counts).reduce((t, c) => ({ created: t.created + c.created, updated: t.updated + c.updated, unchanged: t.unchanged + c.unchanged }), {
    created: 0,
    updated: 0,
    unchanged: 0,
  });

describe('loading seed documents', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await cleanFixtures(db);
    await db.close();
  });

  it('changes nothing when the seed is loaded again', async () => {
    const before = await graphFingerprint(db);
    expect(before.nodes).toBeGreaterThan(40);
    const summary = await loadSeedFiles(db, defaultSeedFiles());
    const after = await graphFingerprint(db);
    expect(after).toEqual(before);
    // Nodes beside the entities (the Sources' words, write records) are not seed entities.
    const [{ entities }] = await db.read<{ entities: number }>('countEntities', 'MATCH (n:Entity) RETURN count(n) AS entities');
    expect(totals(summary.entities)).toEqual({ created: 0, updated: 0, unchanged: entities });
    expect(totals(summary.relations)).toEqual({ created: 0, updated: 0, unchanged: before.relationships });
    expect(summary.entities.Person).toEqual({ created: 0, updated: 0, unchanged: 5 });
  });

  it('refuses a file with errors as a whole, naming each problem, and leaves the graph untouched', async () => {
    const before = await graphFingerprint(db);
    const error = await loadSeedFiles(db, [fixture('invalid-document.yaml')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const problems = (error as SeedValidationError).problems;
    expect(problems).toHaveLength(12);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['relations[0].to', 'entities[3].type', 'relations[5].confidence']));
    expect(problems.every((p) => p.file.endsWith('invalid-document.yaml'))).toBe(true);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('writes nothing of a valid document when another document of the same load is refused', async () => {
    const before = await graphFingerprint(db);
    await expect(loadSeedFiles(db, [fixture('second-document.yaml'), fixture('invalid-document.yaml')])).rejects.toThrow(SeedValidationError);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('links a second document to the entities already there instead of duplicating them', async () => {
    // cleanFixtures undoes the load by hand but not the version counts it made (see FingerprintOptions).
    const before = await graphFingerprint(db, IGNORE_VERSIONS);
    const summary = await loadSeedFiles(db, [fixture('second-document.yaml')]);
    // The two persons exist already: they only gain the new document among their sources.
    expect(summary.entities.Person).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(summary.entities.Meeting).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(summary.relations.PARTICIPANT_IN).toEqual({ created: 2, updated: 0, unchanged: 0 });

    const people = await db.read<{ n: number }>(
      'test',
      "MATCH (p:Person) WHERE p.name = 'Vladimir Putin' OR p.id STARTS WITH 'fixture-' RETURN count(p) AS n",
    );
    expect(people[0].n).toBe(1);
    const participants = await db.read<{ id: string; sources: string[]; confidence: number; date: string }>(
      'test',
      `MATCH (p:Person)-[r:PARTICIPANT_IN]->(m:Meeting {id: 'fixture-second-meeting'})
       RETURN p.id AS id, r.sources AS sources, r.confidence AS confidence, toString(m.date) AS date ORDER BY id`,
    );
    expect(participants).toEqual([
      { id: 'steve-witkoff', sources: ['fixture-second-source'], confidence: 0.8, date: '2025-08-06' },
      { id: 'vladimir-putin', sources: ['fixture-second-source'], confidence: 0.8, date: '2025-08-06' },
    ]);
    const after = await graphFingerprint(db);
    expect(after.nodes).toBe(before.nodes + 2);
    expect(after.relationships).toBe(before.relationships + 2);

    // Loading it again is a no-op too.
    const again = await loadSeedFiles(db, [fixture('second-document.yaml')]);
    expect(totals(again.entities)).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await graphFingerprint(db)).toEqual(after);

    await cleanFixtures(db);
    expect(await graphFingerprint(db, IGNORE_VERSIONS)).toEqual(before);
  });

  it('adds its source to a relationship another document already asserts, keeping the first evidence', async () => {
    const before = await graphFingerprint(db, IGNORE_VERSIONS);
    const text = `format: diplograph-seed/1
document: { id: fixture-third }
defaults: { sources: [fixture-third-source] }
entities:
  - { id: fixture-third-source, type: Source, name: Fixture third source }
  - { id: fixture-third-witkoff, type: Person, name: Steve Witkoff }
  - { id: fixture-third-trump, type: Person, name: Trump }
relations:
  - { type: ENVOY_OF, from: fixture-third-witkoff, to: fixture-third-trump, quote: "another wording", properties: { role: envoy } }
`;
    const { loadSeedDocuments } = await import('../../src/ingest');
    const summary = await loadSeedDocuments(db, [{ file: 'third.yaml', text }]);
    expect(summary.relations.ENVOY_OF).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [envoy] = await db.read<{ sources: string[]; role: string; quote: string | null }>(
      'test',
      "MATCH (:Person {id: 'steve-witkoff'})-[r:ENVOY_OF]->(:Person {id: 'donald-trump'}) RETURN r.sources AS sources, r.role AS role, r.quote AS quote",
    );
    expect(envoy).toEqual({ sources: ['article-trump-putin-summit', 'fixture-third-source'], role: 'special envoy', quote: null });

    await cleanFixtures(db);
    expect(await graphFingerprint(db, IGNORE_VERSIONS)).toEqual(before);
  });
});
