import fs from 'node:fs';
import { nameKey, seedDocumentJsonSchema, seedJsonSchemaPath, validateSeedDocument } from '../../src/ingest';
import { buildSeedPlan } from '../../src/ingest/buildSeedPlan';
import { parsePartialDate } from '../../src/ingest/partialDate';
import { MERGE_ENTITIES, MERGE_RELATIONS } from '../../src/ingest/seedQueries';

describe('the seed format', () => {
  it('matches the checked-in JSON Schema (regenerate with npm run seed -- --write-json-schema)', () => {
    const checkedIn = JSON.parse(fs.readFileSync(seedJsonSchemaPath, 'utf8'));
    expect(checkedIn).toEqual(seedDocumentJsonSchema());
    expect(checkedIn.properties.relations.items.properties.type.enum).toContain('DECLINED_TO_COMMENT');
  });

  it('reads dates at the precision they are written', () => {
    expect(parsePartialDate(2025)).toEqual({ iso: '2025-01-01', precision: 'year' });
    expect(parsePartialDate('2022-02')).toEqual({ iso: '2022-02-01', precision: 'month' });
    expect(parsePartialDate('2024-02-29')).toEqual({ iso: '2024-02-29', precision: 'day' });
    expect(parsePartialDate('2025-02-29')).toBeUndefined();
    expect(parsePartialDate('2025-00')).toBeUndefined();
    expect(parsePartialDate('Thursday')).toBeUndefined();
  });

  it('compares names without case, accents or punctuation', () => {
    expect(nameKey('Vólodymyr  ZELENSKY')).toBe('volodymyr zelensky');
    expect(nameKey('U.S. President')).toBe('u s president');
    expect(nameKey("Trump's")).toBe(nameKey('trump s'));
  });
});

describe('buildSeedPlan', () => {
  const text = `format: diplograph-seed/1
document: { id: unit-plan }
defaults: { sources: [unit-src], confidence: 0.9 }
entities:
  - { id: unit-src, type: Source, name: Unit source }
  - { id: unit-putin, type: Person, name: Vladimir Putin, aliases: [Putin], description: Someone. }
  - { id: unit-war, type: Event, name: Unit war, startDate: "2022-02", kind: war }
relations:
  - { type: PARTICIPANT_IN, from: unit-putin, to: unit-war, validFrom: "2022-02", quote: "q", properties: { role: belligerent } }
`;
  const document = validateSeedDocument(text, 'plan.yaml').document!;

  it('groups rows by label and type, with defaults, dates and precision split out', () => {
    const plan = buildSeedPlan(document, new Map());
    expect(Object.keys(plan.entities)).toEqual(['Source', 'Person', 'Event']);
    expect(plan.entities.Event![0]).toMatchObject({
      id: 'unit-war',
      props: { kind: 'war', startDatePrecision: 'month' },
      dates: { date: null, startDate: '2022-02-01', validFrom: null, validTo: null },
      sources: ['unit-src'],
    });
    expect(plan.relations.PARTICIPANT_IN).toEqual([
      {
        from: 'unit-putin',
        to: 'unit-war',
        sources: ['unit-src'],
        props: { role: 'belligerent', quote: 'q', confidence: 0.9, validFromPrecision: 'month' },
        dates: { date: null, startDate: null, validFrom: '2022-02-01', validTo: null },
      },
    ]);
  });

  it('maps entities resolved by name onto the graph id, keeping the graph name', () => {
    const plan = buildSeedPlan(
      document,
      new Map([
        ['unit-putin', { targetId: 'vladimir-putin', via: 'name' as const }],
        ['unit-src', { targetId: 'unit-src', via: 'new' as const }],
      ]),
    );
    expect(plan.entities.Person![0]).toMatchObject({
      id: 'vladimir-putin',
      name: null,
      description: null,
      aliases: ['Vladimir Putin', 'Putin'],
      aliasKeys: ['vladimir putin', 'putin'],
    });
    expect(plan.relations.PARTICIPANT_IN![0].from).toBe('vladimir-putin');
  });
});

describe('seed queries', () => {
  it('take labels and types as parameters, never as query text', () => {
    expect(MERGE_ENTITIES).toContain('SET n:$(row.label)');
    expect(MERGE_RELATIONS).toContain('MERGE (a)-[r:$(row.type)]->(b)');
  });

  it('carry values only as parameters', () => {
    for (const query of [MERGE_ENTITIES, MERGE_RELATIONS]) {
      expect(query).toMatch(/UNWIND \$rows AS row/);
      expect(query).not.toMatch(/'[^']*witkoff/i);
    }
  });
});
